/*
 * Stand-in for HotSpot's libjvm.so in a native image's lib/: the JDK's shared libjava, libnio, libnet, libzip and libmanagement_ext
 * name libjvm.so as a dependency and import JVM_* functions from it (bound at load time), but a native image has no
 * HotSpot. build.sh appends one function per import that aborts with its name; the ones below do their job.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void missing(const char *name) {
  fprintf(stderr, "native image: %s (a HotSpot JVM function) is not available\n", name);
  abort();
}

int JVM_ActiveProcessorCount(void) { return (int)sysconf(_SC_NPROCESSORS_ONLN); }

long JVM_CurrentTimeMillis(void *env, void *ignored) {
  struct timeval t;
  gettimeofday(&t, NULL);
  return (long)t.tv_sec * 1000 + t.tv_usec / 1000;
}

long JVM_NanoTime(void *env, void *ignored) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long)t.tv_sec * 1000000000L + t.tv_nsec;
}

/* libnet and libnio look up optional libc functions through it. */
void *JVM_FindLibraryEntry(void *handle, const char *name) { return dlsym(handle, name); }
