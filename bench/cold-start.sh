#!/usr/bin/env bash
# Cold start to the first window: the packaged companion (target/package/image, from `mvn -Pnative package`) beside a
# JavaFX hello-world packaged the same way (the same jlink runtime, JavaFX jars, jpackage app image and AOT training),
# each with and without its AOT cache, RUNS times each, on one Xvfb display. Prints the medians in milliseconds.
# Needs Xvfb and the JDK 25 that built the package (JDK=/path/to/jdk, or the first /usr/lib/jvm/*25*).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
JDK=${JDK:-$(ls -d /usr/lib/jvm/*25* | head -1)}
out=target/cold-start
rm -rf "$out" && mkdir -p "$out/input"
image=target/package/image/DeviceLink
[ -x "$image/bin/DeviceLink" ] || { echo "no $image: run mvn -Pnative package first" >&2; exit 1; }

# the hello-world, built as the companion is: stored jars in, the same runtime, an AOT cache from one training run
cp "$image"/lib/app/lib/javafx-*.jar "$out/input/"
"$JDK/bin/javac" -d "$out/classes" -cp "$out/input/*" bench/cold-start/Hello.java
"$JDK/bin/jar" --create --no-compress --file "$out/input/hello.jar" -C "$out/classes" .
"$JDK/bin/jpackage" --type app-image --name Hello --input "$out/input" --main-jar hello.jar --main-class Hello \
  --runtime-image target/package/runtime --dest "$out" --java-options --enable-native-access=ALL-UNNAMED
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
export DISPLAY=:97
JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$PWD/$out/Hello/lib/app/hello.aot" "$out/Hello/bin/Hello" >/dev/null 2>&1
sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:AOTCache=$APPDIR/hello.aot|' "$out/Hello/lib/app/Hello.cfg"

# milliseconds from the launcher's start to the line the app prints once its first window is up
first_window() { # launcher, JAVA_TOOL_OPTIONS
  local home; home=$(mktemp -d)
  local start; start=$(date +%s%N)
  HOME=$home XDG_DATA_HOME=$home/data JAVA_TOOL_OPTIONS="$2" "$1" --smoke-test=0 2>/dev/null | while read -r line; do
    if [[ $line == *"first window"* ]]; then echo $(( ($(date +%s%N) - start) / 1000000 )); fi
  done
  rm -rf "$home"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-28s %10s %10s\n' "app (median of $RUNS)" "AOT cache" "without"
for app in "$out/Hello/bin/Hello" "$image/bin/DeviceLink"; do
  with=$(for i in $(seq "$RUNS"); do first_window "$app" ""; done | median)
  without=$(for i in $(seq "$RUNS"); do first_window "$app" "-XX:AOTMode=off"; done | median)
  printf '%-28s %8s ms %8s ms\n' "$(basename "$app")" "$with" "$without"
done
