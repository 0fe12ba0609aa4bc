#!/usr/bin/env bash
# Installs Energy Monitor as a systemd service on Debian 12 / Raspberry Pi OS (arm64 or x86_64).
#
#   sudo install/install.sh [--dry-run] [--jar PATH] [--broker embedded|mosquitto|URL]
#                           [--http-host ADDR] [--http-port PORT] [--mqtt-port PORT]
#   sudo install/install.sh --uninstall [--dry-run]
#
# A second run upgrades in place: the jar, the web files and the unit are replaced; the operator's
# configuration, routes and secrets are never overwritten (a changed shipped route is put beside the
# operator's copy as NAME.new). --uninstall removes the service and the program but keeps the data,
# the configuration and the secrets.
set -eu

APP=energy-monitor
SERVICE_USER=energy-monitor
OPT_DIR=/opt/energy-monitor
ETC_DIR=/etc/energy-monitor
DATA_DIR=/var/lib/energy-monitor
UNIT_FILE=/etc/systemd/system/energy-monitor.service
SECRETS=$ETC_DIR/secrets.env

DRY_RUN=0
UNINSTALL=0
JAR=""
BROKER=embedded
HTTP_HOST=0.0.0.0
HTTP_PORT=5008
MQTT_PORT=1883
SOURCE_DIR=""
GENERATED_PASSWORD=""

say() {
  printf '%s\n' "$*"
}

fail() {
  printf 'install.sh: %s\n' "$*" >&2
  exit 1
}

# Runs a command, or only prints it with --dry-run.
run() {
  if [ "$DRY_RUN" -eq 1 ]; then
    printf '[dry-run] %s\n' "$*"
  else
    "$@"
  fi
}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
}

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --dry-run) DRY_RUN=1 ;;
      --uninstall) UNINSTALL=1 ;;
      --jar) [ $# -ge 2 ] || fail "--jar needs a path"; JAR=$2; shift ;;
      --broker) [ $# -ge 2 ] || fail "--broker needs embedded, mosquitto or a URL"; BROKER=$2; shift ;;
      --http-host) [ $# -ge 2 ] || fail "--http-host needs an address"; HTTP_HOST=$2; shift ;;
      --http-port) [ $# -ge 2 ] || fail "--http-port needs a number"; HTTP_PORT=$2; shift ;;
      --mqtt-port) [ $# -ge 2 ] || fail "--mqtt-port needs a number"; MQTT_PORT=$2; shift ;;
      -h|--help) usage; exit 0 ;;
      *) fail "unknown option $1 (see --help)" ;;
    esac
    shift
  done
  case "$BROKER" in
    embedded|mosquitto|tcp://*|ssl://*) ;;
    *) fail "--broker must be embedded, mosquitto, or a URL such as tcp://192.168.1.5:1883" ;;
  esac
  case "$HTTP_PORT$MQTT_PORT" in
    *[!0-9]*) fail "ports must be numbers" ;;
  esac
}

check_system() {
  [ -r /etc/os-release ] || fail "no /etc/os-release: this installer supports Debian 12 and Raspberry Pi OS"
  # shellcheck disable=SC1091
  . /etc/os-release
  case " ${ID:-} ${ID_LIKE:-} " in
    *" debian "*|*" raspbian "*) ;;
    *) fail "this installer supports Debian 12 and Raspberry Pi OS, not ${PRETTY_NAME:-an unknown system}" ;;
  esac
  if [ "${VERSION_ID:-0}" -lt 12 ] 2>/dev/null; then
    fail "Debian ${VERSION_ID} is too old: Debian 12 (bookworm) or newer is needed"
  fi
  case "$(uname -m)" in
    x86_64|aarch64) ;;
    *) fail "$(uname -m) is not supported: the embedded broker and SQLite need a 64-bit system (x86_64 or aarch64)" ;;
  esac
  if [ "$DRY_RUN" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
    fail "run as root (sudo $0 ...)"
  fi
}

find_sources() {
  SOURCE_DIR=$(cd "$(dirname "$0")/.." && pwd)
  if [ -z "$JAR" ]; then
    JAR=$SOURCE_DIR/target/energy-monitor.jar
  fi
  if [ "$UNINSTALL" -eq 0 ] && [ ! -f "$JAR" ]; then
    fail "no jar at $JAR: build it first (mvn -B -DskipTests package) or pass --jar PATH"
  fi
}

install_packages() {
  local packages="openjdk-17-jre-headless"
  if [ "$BROKER" = mosquitto ]; then
    packages="$packages mosquitto"
  fi
  local missing=""
  for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  if [ -n "$missing" ]; then
    say "Installing:$missing"
    run env DEBIAN_FRONTEND=noninteractive apt-get update
    # shellcheck disable=SC2086
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
  else
    say "Packages already installed: $packages"
  fi
}

create_user() {
  if id "$SERVICE_USER" >/dev/null 2>&1; then
    say "System user $SERVICE_USER exists"
  else
    run useradd --system --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  fi
}

install_program() {
  run install -d -o root -g root -m 0755 "$OPT_DIR" "$OPT_DIR/web"
  run install -o root -g root -m 0644 "$JAR" "$OPT_DIR/energy-monitor.jar"
  if [ -d "$SOURCE_DIR/web" ]; then
    run cp -R "$SOURCE_DIR/web/." "$OPT_DIR/web/"
    run chmod -R u=rwX,go=rX "$OPT_DIR/web"
  fi
  run install -d -o root -g "$SERVICE_USER" -m 0750 "$ETC_DIR" "$ETC_DIR/routes"
  run install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0750 "$DATA_DIR"
}

# Copies the shipped routes once; never overwrites a route the operator has.
install_routes() {
  local shipped target
  for shipped in "$SOURCE_DIR"/routes/*.camel.yaml; do
    [ -f "$shipped" ] || continue
    target=$ETC_DIR/routes/$(basename "$shipped")
    if [ ! -f "$target" ]; then
      run install -o root -g "$SERVICE_USER" -m 0640 "$shipped" "$target"
    elif ! cmp -s "$shipped" "$target"; then
      say "Kept your $target; the shipped version is beside it as $target.new"
      run install -o root -g "$SERVICE_USER" -m 0640 "$shipped" "$target.new"
    fi
  done
}

broker_settings() {
  case "$BROKER" in
    embedded)
      printf '# The embedded MQTT broker on the LAN (Tasmota publishes here); the password is in secrets.env.\n'
      printf 'energy.mqtt.url =\nenergy.mqtt.embedded.host = 0.0.0.0\nenergy.mqtt.embedded.port = %s\n' "$MQTT_PORT"
      printf 'energy.mqtt.username = tasmota\n'
      ;;
    mosquitto)
      printf "# Debian's Mosquitto on this machine.\nenergy.mqtt.url = tcp://127.0.0.1:%s\n" "$MQTT_PORT"
      ;;
    *)
      printf '# An existing broker.\nenergy.mqtt.url = %s\n' "$BROKER"
      ;;
  esac
}

# Writes the operator's configuration once; later runs leave it alone.
install_config() {
  local config=$ETC_DIR/application.properties
  if [ -f "$config" ]; then
    say "Kept your $config"
    return
  fi
  say "Writing $config"
  if [ "$DRY_RUN" -eq 1 ]; then
    return
  fi
  {
    printf '# Energy Monitor: your settings. Every key and its default: see the README (Configuration).\n'
    printf '# Edit, then: sudo systemctl restart energy-monitor\n\n'
    printf '# Dashboard and API (a LAN address requires the password in secrets.env).\n'
    printf 'energy.http.host = %s\nenergy.http.port = %s\n\n' "$HTTP_HOST" "$HTTP_PORT"
    broker_settings
    printf '\n# Time zone of calendar days (empty = the system zone).\nenergy.timezone =\n'
  } > "$config"
  chown root:"$SERVICE_USER" "$config"
  chmod 0640 "$config"
}

random_secret() {
  head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24
}

# Generates the secrets once: the dashboard password (printed once, stored only as a hash) and the MQTT password.
install_secrets() {
  if [ -f "$SECRETS" ]; then
    say "Kept your $SECRETS"
    return
  fi
  say "Writing $SECRETS (readable only by $SERVICE_USER)"
  if [ "$DRY_RUN" -eq 1 ]; then
    return
  fi
  GENERATED_PASSWORD=$(random_secret)
  local hash mqtt
  hash=$(printf '%s' "$GENERATED_PASSWORD" | java -jar "$OPT_DIR/energy-monitor.jar" hash-password)
  mqtt=$(random_secret)
  umask 077
  {
    printf '# Secrets of the Energy Monitor service (environment variables, see the README).\n'
    printf 'ENERGY_HTTP_USERNAME=admin\n'
    printf 'ENERGY_HTTP_PASSWORD_HASH=%s\n' "$hash"
    if [ "$BROKER" = embedded ]; then
      printf '# Tasmota logs in to the embedded broker as user "tasmota" with this password.\n'
      printf 'ENERGY_MQTT_PASSWORD=%s\n' "$mqtt"
    fi
    printf '# Telegram alerts: a bot token and a chat id (empty = no alerts).\n'
    printf 'ENERGY_TELEGRAM_TOKEN=\nENERGY_TELEGRAM_CHAT_ID=\n'
  } > "$SECRETS"
  chown "$SERVICE_USER":"$SERVICE_USER" "$SECRETS"
  chmod 0600 "$SECRETS"
}

install_unit() {
  run install -o root -g root -m 0644 "$SOURCE_DIR/install/energy-monitor.service" "$UNIT_FILE"
  if [ -d /run/systemd/system ]; then
    run systemctl daemon-reload
    run systemctl enable "$APP"
    run systemctl restart "$APP"
    say "Started: systemctl status $APP, logs: journalctl -u $APP -f"
  else
    say "systemd is not running on this machine: installed everything, but could not enable or start the unit."
    say "Start it by hand as $SERVICE_USER from $ETC_DIR, or on a systemd machine: systemctl enable --now $APP"
  fi
}

uninstall() {
  if [ -d /run/systemd/system ] && [ -f "$UNIT_FILE" ]; then
    run systemctl disable --now "$APP" || true
  fi
  run rm -f "$UNIT_FILE"
  if [ -d /run/systemd/system ]; then
    run systemctl daemon-reload
  fi
  run rm -rf "$OPT_DIR"
  say "Removed the service and $OPT_DIR. Kept the data in $DATA_DIR and the configuration in $ETC_DIR."
}

main() {
  parse_args "$@"
  check_system
  find_sources
  if [ "$UNINSTALL" -eq 1 ]; then
    uninstall
    return
  fi
  install_packages
  create_user
  install_program
  install_routes
  install_config
  install_secrets
  install_unit
  if [ -n "$GENERATED_PASSWORD" ]; then
    say ""
    say "Dashboard: http://$(hostname -I 2>/dev/null | awk '{print $1}'):$HTTP_PORT/  user: admin  password: $GENERATED_PASSWORD"
    say "This password is shown only now; $SECRETS keeps only its hash."
  fi
}

main "$@"
