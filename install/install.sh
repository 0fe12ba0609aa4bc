#!/usr/bin/env bash
# Installs Energy Monitor as a systemd service on Debian 12 / Raspberry Pi OS (arm64 or x86_64).
#
#   sudo install/install.sh [--dry-run] [--jar PATH] [--broker embedded|mosquitto|URL]
#                           [--http-host ADDR] [--http-port PORT] [--mqtt-port PORT]
#   sudo install/install.sh --uninstall [--dry-run]
#
# The service loads its own (product) routes from the jar. Your own routes go to /etc/energy-monitor/routes.d/
# (*.yaml; a route whose id is a product route's id replaces it, see docs/routes.md); the installer creates that
# folder and never puts anything in it.
# A second run upgrades in place: the jar, the web files and the unit are replaced; your configuration, routes.d/ and
# secrets are never overwritten. An install made by an older install.sh has copies of the product routes in
# /etc/energy-monitor/routes/, which the service no longer loads: unedited copies are removed, everything else
# (edited copies, your own files, NAME.new) is moved aside to /etc/energy-monitor/routes.old-DATE/, which is not
# loaded either, and the run says so. --uninstall removes the service and the program but keeps the data, the
# configuration (routes.d/ too) and the secrets.
set -eu

APP=energy-monitor
SERVICE_USER=energy-monitor
OPT_DIR=/opt/energy-monitor
ETC_DIR=/etc/energy-monitor
DATA_DIR=/var/lib/energy-monitor
UNIT_FILE=/etc/systemd/system/energy-monitor.service
SECRETS=$ETC_DIR/secrets.env
# The operator's own routes (the unit's ENERGY_ROUTES_DIR).
ROUTES_DIR=$ETC_DIR/routes.d
# Where installers before routes.d copied the product routes.
OLD_ROUTES_DIR=$ETC_DIR/routes

DRY_RUN=0
UNINSTALL=0
JAR=""
BROKER=embedded
HTTP_HOST=0.0.0.0
HTTP_PORT=5008
MQTT_PORT=1883
SOURCE_DIR=""
GENERATED_PASSWORD=""
# Where migrate_old_routes moved files aside (repeated at the end of the run).
ROUTES_ASIDE=""

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

# Prints the comment block at the top of this file.
usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
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
  run install -d -o root -g "$SERVICE_USER" -m 0750 "$ETC_DIR" "$ROUTES_DIR"
  run install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 0750 "$DATA_DIR"
}

# Whether FILE (named NAME) is an unedited copy of a product route an older installer copied: its sha256 sum and
# name are on the list of every version the repository ever shipped (install/old-route-sums.txt).
is_shipped_route() {
  local name=$1 file=$2 sums=$3 sum
  case "$name" in
    *.camel.yaml) ;;
    *) return 1 ;;
  esac
  [ -f "$sums" ] && [ -f "$file" ] && [ ! -L "$file" ] || return 1
  sum=$(sha256sum < "$file" | cut -c1-64)
  grep -qxF -- "$sum  $name" "$sums"
}

# Upgrades an install made by an older install.sh, which copied the product routes into $OLD_ROUTES_DIR (loaded
# from there by the service, so stale copies broke the start after an upgrade). The service no longer reads that
# folder: unedited copies are removed; everything else is moved aside to $ETC_DIR/routes.old-DATE/ (not loaded),
# never into routes.d; then the empty folder is removed.
migrate_old_routes() {
  [ -d "$OLD_ROUTES_DIR" ] || return 0
  if [ ! -r "$OLD_ROUTES_DIR" ] || [ ! -x "$OLD_ROUTES_DIR" ]; then
    say "$OLD_ROUTES_DIR (from an older installer) is not readable: run as root to see what happens to it"
    return 0
  fi
  local sums=$SOURCE_DIR/install/old-route-sums.txt
  if [ ! -f "$sums" ]; then
    say "No $sums: every file in $OLD_ROUTES_DIR is moved aside, none is removed"
  fi
  say "Upgrading from routes in $OLD_ROUTES_DIR: the service loads its own routes from the jar now, yours from $ROUTES_DIR"
  local file name aside="" moved=()
  while IFS= read -r -d '' file; do
    name=$(basename "$file")
    if is_shipped_route "$name" "$file" "$sums"; then
      say "Removing $file: an unedited copy of a product route"
      run rm -f "$file"
      continue
    fi
    if [ -z "$aside" ]; then
      aside=$ETC_DIR/routes.old-$(date +%Y%m%d-%H%M%S)
      while [ -e "$aside" ]; do aside=$aside-1; done
      run install -d -o root -g "$SERVICE_USER" -m 0750 "$aside"
    fi
    run mv "$file" "$aside/"
    case "$name" in
      *.camel.yaml.new) moved+=("$name: a product route an older installer put beside your copy (nothing to port)") ;;
      *.camel.yaml)
        if [ -f "$sums" ] && awk -v n="$name" '$1 !~ /^#/ && $2 == n { found = 1 } END { exit !found }' "$sums"; then
          moved+=("$name: YOUR EDITED COPY of the product route $name")
        else
          moved+=("$name: not a product route (a route of your own?)")
        fi ;;
      *) moved+=("$name: not a route (that folder only loaded *.camel.yaml)") ;;
    esac
  done < <(find "$OLD_ROUTES_DIR" -mindepth 1 -maxdepth 1 -print0 | sort -z)
  run rmdir "$OLD_ROUTES_DIR"
  if [ "${#moved[@]}" -gt 0 ]; then
    ROUTES_ASIDE=$aside
    say ""
    say "ATTENTION: these files from $OLD_ROUTES_DIR are NO LONGER LOADED by the service."
    if [ "$DRY_RUN" -eq 1 ]; then
      say "They would be moved aside to $aside/:"
    else
      say "They were moved aside to $aside/:"
    fi
    printf '  %s\n' "${moved[@]}"
    say "The service now runs the product routes of this version. To keep an edit, port it into $ROUTES_DIR/ as a"
    say "route of your own (a route with the id of a product route replaces that route): see docs/routes.md,"
    say "\"What survives an upgrade\". Then: systemctl restart $APP"
    say ""
  fi
  if [ -f "$ETC_DIR/application.properties" ] \
      && grep -Eq '^[[:space:]]*camel\.main\.routes-include-pattern' "$ETC_DIR/application.properties"; then
    say "Your $ETC_DIR/application.properties sets camel.main.routes-include-pattern: the service finds its routes"
    say "without it now (product routes in the jar, yours in $ROUTES_DIR); remove that line unless you mean it."
  fi
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
  say "Removed the service and $OPT_DIR. Kept the data in $DATA_DIR and the configuration in $ETC_DIR"
  say "(application.properties, secrets.env and your routes in $ROUTES_DIR)."
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
  migrate_old_routes
  install_config
  install_secrets
  install_unit
  if [ -n "$GENERATED_PASSWORD" ]; then
    say ""
    say "Dashboard: http://$(hostname -I 2>/dev/null | awk '{print $1}'):$HTTP_PORT/  user: admin  password: $GENERATED_PASSWORD"
    say "This password is shown only now; $SECRETS keeps only its hash."
  fi
  if [ -n "$ROUTES_ASIDE" ]; then
    say ""
    say "ATTENTION: route files of an older install are in $ROUTES_ASIDE/ and NO LONGER LOADED (see above);"
    say "to keep an edit, port it into $ROUTES_DIR/ (docs/routes.md, \"What survives an upgrade\")."
  fi
}

main "$@"
