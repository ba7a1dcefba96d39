/*
 * CPU feature detection for a Native Image built with the Maven builder jars (see backend/bench/native/README):
 * fills the builder's CPUFeatures struct (one char per feature, named as in the struct) from CPUID, and checks at
 * start-up that this CPU has every feature the image was compiled for.
 */
#include <cpuid.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "amd64cpufeatures.h"

static uint64_t xgetbv0(void) {
  uint32_t eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((uint64_t)edx << 32) | eax;
}

void determineCPUFeatures(CPUFeatures *f) {
  unsigned a, b, c, d, max, maxext;
  memset(f, 0, sizeof(*f));
  max = __get_cpuid_max(0, 0);
  maxext = __get_cpuid_max(0x80000000, 0);
  __cpuid(1, a, b, c, d);
  unsigned c1 = c, d1 = d;
  f->fCX8 = (d1 >> 8) & 1;
  f->fCMOV = (d1 >> 15) & 1;
  f->fFLUSH = (d1 >> 19) & 1;
  f->fMMX = (d1 >> 23) & 1;
  f->fFXSR = (d1 >> 24) & 1;
  f->fSSE = (d1 >> 25) & 1;
  f->fSSE2 = (d1 >> 26) & 1;
  f->fHT = (d1 >> 28) & 1;
  f->fTSC = (d1 >> 4) & 1;
  f->fSSE3 = c1 & 1;
  f->fCLMUL = (c1 >> 1) & 1;
  f->fSSSE3 = (c1 >> 9) & 1;
  f->fFMA = (c1 >> 12) & 1;
  f->fSSE4_1 = (c1 >> 19) & 1;
  f->fSSE4_2 = (c1 >> 20) & 1;
  f->fPOPCNT = (c1 >> 23) & 1;
  f->fAES = (c1 >> 25) & 1;
  f->fF16C = (c1 >> 29) & 1;
  f->fHV = (c1 >> 31) & 1;
  int osxsave = (c1 >> 27) & 1;
  uint64_t xcr0 = osxsave ? xgetbv0() : 0;
  int avx_os = (xcr0 & 0x6) == 0x6;
  int avx512_os = avx_os && (xcr0 & 0xe0) == 0xe0;
  if (avx_os && ((c1 >> 28) & 1)) {
    f->fAVX = 1;
    f->fVZEROUPPER = 1;
  } else {
    f->fFMA = 0;
    f->fF16C = 0;
  }
  if (max >= 7) {
    __cpuid_count(7, 0, a, b, c, d);
    f->fBMI1 = (b >> 3) & 1;
    f->fAVX2 = f->fAVX && ((b >> 5) & 1);
    f->fBMI2 = (b >> 8) & 1;
    f->fERMS = (b >> 9) & 1;
    f->fRTM = (b >> 11) & 1;
    f->fADX = (b >> 19) & 1;
    f->fFLUSHOPT = (b >> 23) & 1;
    f->fCLWB = (b >> 24) & 1;
    f->fSHA = (b >> 29) & 1;
    f->fPKU = (c >> 3) & 1;
    f->fOSPKE = (c >> 4) & 1;
    f->fGFNI = (c >> 8) & 1;
    f->fRDPID = (c >> 22) & 1;
    f->fFSRM = (d >> 4) & 1;
    f->fSERIALIZE = (d >> 14) & 1;
    if (avx512_os && ((b >> 16) & 1)) {
      f->fAVX512F = 1;
      f->fAVX512DQ = (b >> 17) & 1;
      f->fAVX512_IFMA = (b >> 21) & 1;
      f->fAVX512PF = (b >> 26) & 1;
      f->fAVX512ER = (b >> 27) & 1;
      f->fAVX512CD = (b >> 28) & 1;
      f->fAVX512BW = (b >> 30) & 1;
      f->fAVX512VL = (b >> 31) & 1;
      f->fAVX512_VBMI = (c >> 1) & 1;
      f->fAVX512_VBMI2 = (c >> 6) & 1;
      f->fAVX512_VAES = (c >> 9) & 1;
      f->fAVX512_VPCLMULQDQ = (c >> 10) & 1;
      f->fAVX512_VNNI = (c >> 11) & 1;
      f->fAVX512_BITALG = (c >> 12) & 1;
      f->fAVX512_VPOPCNTDQ = (c >> 14) & 1;
    }
  }
  if (maxext >= 0x80000001) {
    __cpuid(0x80000001, a, b, c, d);
    f->fLZCNT = (c >> 5) & 1;
    f->fSSE4A = (c >> 6) & 1;
    f->fAMD_3DNOW_PREFETCH = (c >> 8) & 1;
    f->fRDTSCP = (d >> 27) & 1;
  }
  if (maxext >= 0x80000007) {
    __cpuid(0x80000007, a, b, c, d);
    f->fTSCINV_BIT = (d >> 8) & 1;
    f->fTSCINV = f->fTSCINV_BIT;
  }
}

/*
 * 0 when this CPU has every feature the image needs, 1 otherwise. The builder's mask has one byte per CPUFeatures
 * field, the complement of the feature byte it requires: 0xff where a feature is not needed, 0xfe where it is (so
 * the field must be 1 here): every byte of mask | present must be all ones.
 */
int checkCPUFeatures(uint8_t *buildtimeFeatureMask) {
  CPUFeatures features;
  determineCPUFeatures(&features);
  uint8_t *present = (uint8_t *)&features;
  for (size_t i = 0; i < sizeof(CPUFeatures); i++) {
    if ((uint8_t)(buildtimeFeatureMask[i] | present[i]) != 0xff) {
      return 1;
    }
  }
  return 0;
}

int checkCPUFeaturesOrExit(uint8_t *buildtimeFeatureMask, const char *errorMessage) {
  int result = checkCPUFeatures(buildtimeFeatureMask);
  if (result != 0) {
    fputs(errorMessage, stderr);
    exit(1);
  }
  return result;
}
