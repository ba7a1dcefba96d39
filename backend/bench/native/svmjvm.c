/* The JVM functions SubstrateVM itself calls (class com.oracle.svm.core.jdk.Jvm), linked into the image. */
#include <signal.h>
#include <stddef.h>
#include <sys/time.h>
#include <unistd.h>
void initialize(void) {}
int JVM_ActiveProcessorCount(void) { return (int) sysconf(_SC_NPROCESSORS_ONLN); }
long JVM_CurrentTimeMillis(void *env, void *ignored) { struct timeval t; gettimeofday(&t, NULL); return (long) t.tv_sec * 1000 + t.tv_usec / 1000; }
/* Installs handler for sig as sun.misc.Signal does; returns the previous one, (void *) -1 on failure. */
void *JVM_RegisterSignal(int sig, void *handler) {
  struct sigaction action, old;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  action.sa_handler = (void (*)(int)) handler;
  if (sigaction(sig, &action, &old) != 0) return (void *) -1;
  return (void *) old.sa_handler;
}
