/*
 * A JNI library linked into the program exports JNI_OnLoad_<name> (JNI 1.8), which the image calls at start-up for
 * java, nio, net and zip. Here those are the JDK's shared libraries: forward to their JNI_OnLoad, and answer with the
 * version a built-in library must report (at least 1.8; libjava's own says 1.2).
 */
#include <dlfcn.h>
#include <jni.h>
static jint forward(const char *library, JavaVM *vm, void *reserved) {
  void *handle = dlopen(library, RTLD_LAZY | RTLD_NOLOAD);
  if (handle == NULL) return JNI_VERSION_1_8;
  jint (*onLoad)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(handle, "JNI_OnLoad");
  if (onLoad != NULL && onLoad(vm, reserved) < 0) return JNI_ERR;
  return JNI_VERSION_1_8;
}
JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *reserved) { return forward("libjava.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *reserved) { return forward("libnio.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *reserved) { return forward("libnet.so", vm, reserved); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *reserved) { return forward("libzip.so", vm, reserved); }
