#!/bin/sh
# Install prepdesk's launcher, icons and AppStream metainfo for the current user.
#   packaging/install-desktop.sh [DATA_HOME] [PROGRAM]
# DATA_HOME defaults to ~/.local/share; PROGRAM (what the launcher runs) defaults to
# the prepdesk on PATH, else this checkout's .venv/bin/prepdesk.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data_home=${1:-${XDG_DATA_HOME:-$HOME/.local/share}}
program=${2:-$(command -v prepdesk || echo "$root/.venv/bin/prepdesk")}

install -Dm644 "$root/resources/icons/prepdesk.svg" "$data_home/icons/hicolor/scalable/apps/prepdesk.svg"
for png in "$root"/resources/icons/hicolor/*/apps/prepdesk.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -Dm644 "$png" "$data_home/icons/hicolor/$size/apps/prepdesk.png"
done
install -Dm644 "$root/resources/io.github.prepdesk.Prepdesk.metainfo.xml" \
    "$data_home/metainfo/io.github.prepdesk.Prepdesk.metainfo.xml"
mkdir -p "$data_home/applications"
# Exec must name the program a menu can start; quote it for paths with spaces.
sed "s|^Exec=prepdesk\$|Exec=\"$program\"|" "$root/resources/prepdesk.desktop" \
    > "$data_home/applications/prepdesk.desktop"
chmod 644 "$data_home/applications/prepdesk.desktop"

command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
echo "Installed prepdesk's launcher into $data_home (runs $program)"
