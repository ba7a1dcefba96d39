/* Fixed-arity wrappers of varargs libc functions, which SubstrateVM calls under these names. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
int fprintfSD(FILE *stream, const char *format, const char *s, int d) { return fprintf(stream, format, s, d); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
void *mremapP(void *old, size_t old_size, size_t new_size, int flags, void *new_address) { return mremap(old, old_size, new_size, flags, new_address); }
