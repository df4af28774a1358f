#!/usr/bin/env bash
# The macOS disk image: run on macOS after `python3 dev.py package` has made
# "dist/Sandbox Applicant Kit.app". Puts the bundle beside a link to /Applications (drag to install)
# and compresses it: dist/sandbox-applicant-kit-<version>-macos.dmg. Not signed or notarised: that
# needs the publisher's Developer ID (codesign --deep --options runtime, then xcrun notarytool).
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
app="dist/Sandbox Applicant Kit.app"
[ -d "$app" ] || { echo "error: $app not found: run python3 dev.py package first" >&2; exit 2; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
out="dist/sandbox-applicant-kit-${version}-macos.dmg"
rm -f "$out"
hdiutil create -volname "Sandbox Applicant Kit ${version}" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$out"
echo "$out"
