#!/usr/bin/env bash
# Fetches the upstream (.orig) tarball of a Debian source package, checks its SHA256 and unpacks it.
# Usage: fetch-debian-source.sh PACKAGE VERSION SUITE SHA256 DEST
#   VERSION may end in '*' to take the newest version the suite has that matches it (said loudly).
# Why the .orig tarball alone: some .dsc/.debian.tar.xz files answer 404 on this network, the
# upstream tarball is what we build from, and apt prints each file's address and checksum for us.
set -euo pipefail
pkg=$1 version=$2 suite=$3 want_sha=$4 dest=$5
[ -f "$dest/.fetched" ] && exit 0

state=${READER_APT_STATE:-$HOME/.cache/article-reader/apt-$suite}
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
[ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" > "$state/sources.list"
opts=(-o APT::Sandbox::User=root -o Acquire::Check-Valid-Until=false -o "Dir::Etc::SourceList=$state/sources.list" -o Dir::Etc::SourceParts=/dev/null
      -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache")
# The index is refreshed only when it is missing or older than a day.
if [ -z "$(find "$state/lists" -name '*Sources*' -mtime -1 2>/dev/null | head -n1)" ]; then
  apt-get "${opts[@]}" update -qq >/dev/null
fi

if [[ $version == *'*' ]]; then
  prefix=${version%\*}
  picked=$(apt-cache "${opts[@]}" showsrc "$pkg" | sed -n 's/^Version: //p' | grep "^$prefix" | sort -V | tail -n1)
  [ -n "$picked" ] || { echo "error: no $pkg $version in Debian $suite" >&2; exit 1; }
  echo "NOTE: taking $pkg $picked from Debian $suite (asked for $version)" >&2
  version=$picked
fi

line=$(apt-get "${opts[@]}" source --print-uris "$pkg=$version" 2>/dev/null | grep "\.orig\.tar" | head -n1) || true
if [ -z "$line" ]; then
  echo "error: Debian $suite has no source $pkg=$version" >&2; exit 1
fi
uri=$(echo "$line" | awk '{print $1}' | tr -d "'")
file=$(echo "$line" | awk '{print $2}')
sha=$(echo "$line" | awk '{print $4}' | sed 's/^SHA256://')
if [ "$want_sha" != "any" ] && [ "$sha" != "$want_sha" ]; then
  echo "WARNING: $file is not the pinned tarball (pinned $want_sha, index says $sha); using the index's checksum" >&2
fi
mkdir -p "$dest.download"
/usr/lib/apt/apt-helper -o APT::Sandbox::User=root download-file "$uri" "$dest.download/$file" "SHA256:$sha" >/dev/null
rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
tar -xf "$dest.download/$file" -C "$dest.tmp" --strip-components=1
rm -rf "$dest" && mv "$dest.tmp" "$dest" && rm -rf "$dest.download"
echo "$pkg $version $sha" > "$dest/.fetched"
