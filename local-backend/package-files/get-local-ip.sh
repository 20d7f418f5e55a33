#!/usr/bin/env bash
# Prints this machine's LAN IPv4 address: the one other machines (your WordPress server) use to reach it.
set -u

ip_addr=""
if command -v ip >/dev/null 2>&1; then
	ip_addr="$(ip -4 route get 1.1.1.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p' | head -n 1)"
fi
if [ -z "$ip_addr" ] && command -v ipconfig >/dev/null 2>&1; then
	for iface in en0 en1 en2; do
		ip_addr="$(ipconfig getifaddr "$iface" 2>/dev/null || true)"
		[ -n "$ip_addr" ] && break
	done
fi
if [ -z "$ip_addr" ] && command -v hostname >/dev/null 2>&1; then
	ip_addr="$(hostname -I 2>/dev/null | awk '{print $1}')"
fi
if [ -z "$ip_addr" ] && command -v node >/dev/null 2>&1; then
	ip_addr="$(node -e 'const n=require("os").networkInterfaces();for(const l of Object.values(n))for(const a of l||[])if(a.family==="IPv4"&&!a.internal){console.log(a.address);process.exit(0)}')"
fi
if [ -z "$ip_addr" ]; then
	echo "Could not find a LAN address. Look it up in your network settings (it usually starts with 192.168. or 10.)." >&2
	exit 1
fi
echo "$ip_addr"
