/*
 * The small C helpers a Native Image calls (SubstrateVM's libchelper and libsvm_container), for building with the
 * builder jars from Maven Central, which ship none of them. Written from the functions' Java declarations in
 * the builder (svm.jar: LibCHelper, LinuxLibCHelper, CSunMiscSignal, CodeSynchronizationOperations, LocaleCHelper,
 * ContainerLibrary); behaviour kept to what a command-line program needs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "svm_locale.h"

extern char **environ;

char **getEnviron(void) { return environ; }

/* x86-64 keeps instruction and data caches coherent: nothing to flush after code is written. */
void codeSynchronization_clearCache(long code, long size) { (void)code; (void)size; }

int getThreadId(void) { return (int)syscall(SYS_gettid); }

/* The thread's user CPU time in nanoseconds from /proc (field 14 of stat, in clock ticks), -1 if unreadable. */
long getThreadUserTimeSlow(int tid) {
  char path[64], buf[1024];
  snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  size_t n = fread(buf, 1, sizeof(buf) - 1, f);
  fclose(f);
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  if (p == NULL) return -1;
  long utime = -1;
  /* after ") " come fields 3..: state is field 3, utime field 14 */
  if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %ld", &utime) != 1) return -1;
  return utime * (1000000000L / sysconf(_SC_CLK_TCK));
}

/* The time zone's id: $TZ, else the zoneinfo file /etc/localtime links to, else /etc/timezone; NULL if none (GMT). */
char *SVM_FindJavaTZmd(const char *tzmappings, int length) {
  (void)tzmappings; (void)length;
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz != 0) return strdup(*tz == ':' ? tz + 1 : tz);
  char link[4096];
  ssize_t n = readlink("/etc/localtime", link, sizeof(link) - 1);
  if (n > 0) {
    link[n] = 0;
    char *z = strstr(link, "zoneinfo/");
    if (z != NULL) return strdup(z + strlen("zoneinfo/"));
  }
  FILE *f = fopen("/etc/timezone", "r");
  if (f != NULL) {
    char line[256];
    char *r = fgets(line, sizeof(line), f);
    fclose(f);
    if (r != NULL) {
      line[strcspn(line, " \t\r\n")] = 0;
      if (*line) return strdup(line);
    }
  }
  return NULL;
}

/* Locale: language and country from LC_ALL, LC_CTYPE or LANG as ll_CC[.codeset][@variant]; "C"/"POSIX"/unset is en_US, as the JDK maps it. */
static svm_locale_props_t locale_props;

int svm_initialize_locale(void) {
  const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  const char *value = NULL;
  for (int i = 0; i < 3 && value == NULL; i++) {
    const char *v = getenv(names[i]);
    if (v != NULL && *v != 0) value = v;
  }
  char language[16] = "en", country[16] = "US";
  if (value != NULL && strcmp(value, "C") != 0 && strcmp(value, "POSIX") != 0 && strncmp(value, "C.", 2) != 0) {
    size_t l = strcspn(value, "_.@");
    if (l > 0 && l < sizeof(language)) {
      memcpy(language, value, l);
      language[l] = 0;
      country[0] = 0;
      if (value[l] == '_') {
        size_t c = strcspn(value + l + 1, ".@");
        if (c < sizeof(country)) {
          memcpy(country, value + l + 1, c);
          country[c] = 0;
        }
      }
    }
  }
  locale_props.display_language = locale_props.format_language = strdup(language);
  locale_props.display_country = locale_props.format_country = strdup(country);
  locale_props.display_script = locale_props.format_script = NULL;
  locale_props.display_variant = locale_props.format_variant = NULL;
  return locale_props.display_language == NULL ? SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY : SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

svm_locale_props_t *svm_get_locale(void) { return &locale_props; }

/* sun.misc.Signal: the handler counts each signal and posts a semaphore the Java dispatcher thread waits on. */
static volatile sig_atomic_t pending[NSIG];
static sem_t signal_semaphore;
static int signal_open;

static void dispatch(int sig) {
  if (sig > 0 && sig < NSIG) {
    pending[sig]++;
    sem_post(&signal_semaphore);
  }
}

int cSunMiscSignal_open(void) {
  if (signal_open) return -1;
  memset((void *)pending, 0, sizeof(pending));
  if (sem_init(&signal_semaphore, 0, 0) != 0) return -1;
  signal_open = 1;
  return 0;
}

int cSunMiscSignal_close(void) {
  if (!signal_open) return -1;
  signal_open = 0;
  return sem_destroy(&signal_semaphore);
}

int cSunMiscSignal_awaitSemaphore(void) {
  int r;
  while ((r = sem_wait(&signal_semaphore)) != 0 && errno == EINTR) {
  }
  return r;
}

int cSunMiscSignal_signalSemaphore(void) { return sem_post(&signal_semaphore); }

int cSunMiscSignal_signalRangeCheck(int sig) { return sig > 0 && sig < NSIG; }

int cSunMiscSignal_checkPendingSignal(void) {
  for (int sig = 1; sig < NSIG; sig++) {
    if (pending[sig] > 0) {
      pending[sig]--;
      return sig;
    }
  }
  return -1;
}

void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *)dispatch; }

/* Container support: this build reports "not in a container" and the host's memory and processors. */
int svm_container_initialize(int version) { (void)version; return 0; }
unsigned long svm_container_physical_memory(void) { return (unsigned long)sysconf(_SC_PHYS_PAGES) * (unsigned long)sysconf(_SC_PAGESIZE); }
long svm_container_memory_limit_in_bytes(void) { return -1; }
long svm_container_memory_and_swap_limit_in_bytes(void) { return -1; }
long svm_container_memory_soft_limit_in_bytes(void) { return -1; }
long svm_container_memory_usage_in_bytes(void) { return -1; }
long svm_container_memory_max_usage_in_bytes(void) { return -1; }
long svm_container_rss_usage_in_bytes(void) { return -1; }
long svm_container_cache_usage_in_bytes(void) { return -1; }
int svm_container_active_processor_count(void) { return (int)sysconf(_SC_NPROCESSORS_ONLN); }
