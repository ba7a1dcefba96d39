# Sourced by ./packetlab and ./test: picks a JDK >= 21 and exports JAVA_HOME.
# Machines of this project have OpenJDK 17 as the default `java` and a newer JDK under
# /usr/lib/jvm, so the PATH's java is the last resort, not the first.

PACKETLAB_MIN_JAVA=21

# The feature release of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
packetlab_jdk_major() {
  local home=$1 version=""
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 0
  if [[ -f $home/release ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$home/release")
  fi
  if [[ -z $version ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  version=${version#1.}   # 1.8.0_x -> 8.0_x
  printf '%s' "${version%%[.+_-]*}"
}

# Sets and exports JAVA_HOME to a JDK >= 21: $JAVA_HOME if it is one, else the newest under
# /usr/lib/jvm (or $PACKETLAB_JVM_DIR), else the one the PATH's java belongs to. Returns 1, saying what to install, if none.
packetlab_find_jdk() {
  local best="" best_major=0 candidate major
  local candidates=()
  [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME")
  if [[ -n ${JAVA_HOME:-} && $(packetlab_jdk_major "$JAVA_HOME") -ge $PACKETLAB_MIN_JAVA ]] 2>/dev/null; then
    best=$JAVA_HOME
  else
    for candidate in "${PACKETLAB_JVM_DIR:-/usr/lib/jvm}"/*; do candidates+=("$candidate"); done
    if command -v javac >/dev/null 2>&1; then
      candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    for candidate in "${candidates[@]}"; do
      [[ -d $candidate ]] || continue
      major=$(packetlab_jdk_major "$candidate")
      if [[ -n $major && $major -ge $PACKETLAB_MIN_JAVA && $major -gt $best_major ]]; then
        best=$(readlink -f "$candidate")
        best_major=$major
      fi
    done
  fi
  if [[ -z $best ]]; then
    cat >&2 <<MSG
PacketLab needs a JDK $PACKETLAB_MIN_JAVA or newer, and found none
(looked at JAVA_HOME=${JAVA_HOME:-<unset>}, /usr/lib/jvm/*, and the java on PATH).
Install one, for example Eclipse Temurin 21 or newer (package temurin-21-jdk from the Adoptium
apt repository), or openjdk-21-jdk where your distribution has it (Debian 13, Ubuntu 24.04),
or set JAVA_HOME to a JDK $PACKETLAB_MIN_JAVA+ directory.
MSG
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8's bundled Guava warns about sun.misc.Unsafe on JDK 23+; the warning is noise here.
  if [[ $(packetlab_jdk_major "$JAVA_HOME") -ge 23 && ${MAVEN_OPTS:-} != *sun-misc-unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
