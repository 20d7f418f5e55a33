#!/usr/bin/env bash
# Checks a local backend end to end and says what to do when something fails.
# Usage: ./test-connection.sh [BASE_URL] [API_KEY]
#   defaults: http://127.0.0.1:${AW_BACKEND_PORT:-8080} and the key in .api-key (or AW_BACKEND_API_KEY)
set -uo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
URL="${1:-http://127.0.0.1:${AW_BACKEND_PORT:-8080}}"
KEY="${2:-${AW_BACKEND_API_KEY:-}}"
if [ -z "$KEY" ] && [ -s "$DIR/.api-key" ]; then
	KEY="$(tr -d '[:space:]' < "$DIR/.api-key")"
fi
command -v node >/dev/null 2>&1 || { echo "✖ Node.js 20+ is needed to run this check (https://nodejs.org)."; exit 1; }

exec node - "$URL" "$KEY" "${AW_TEST_MODEL:-haiku}" <<'NODE'
const [ , , rawUrl, key, model ] = process.argv;
const url = rawUrl.replace( /\/+$/, '' );
const say = ( ok, text ) => console.log( `${ ok ? '✔' : '✖' } ${ text }` );
const fail = ( text ) => { say( false, text ); process.exit( 1 ); };

async function call( path, init = {} ) {
	try {
		return await fetch( url + path, { ...init, signal: AbortSignal.timeout( init.timeoutMs ?? 10_000 ) } );
	} catch ( error ) {
		const code = error?.cause?.code ?? error?.name ?? '';
		if ( code === 'ECONNREFUSED' ) fail( `Connection refused at ${ url }. Is the backend running? Start it: ./start.sh (for other machines: ./start.sh --lan)` );
		if ( code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' ) {
			fail( `Connection timeout at ${ url }. Wrong IP? Find the right one on the backend machine: ./get-local-ip.sh — it must be started with ./start.sh --lan, and a firewall must allow the port.` );
		}
		if ( code === 'ENOTFOUND' ) fail( `Host not found in ${ url }. Use an IP address: ./get-local-ip.sh on the backend machine.` );
		fail( `Could not reach ${ url }: ${ error?.cause?.message ?? error?.message ?? error }` );
	}
}

// /ping shows the CLI's details only to the key holder; without it, only that the backend is alive.
const pingRes = await call( '/ping', { headers: key ? { 'x-api-key': key } : {} } );
if ( ! pingRes.ok ) fail( `${ url }/ping answered HTTP ${ pingRes.status }: is this really the Agentic Writer local backend (check the port)?` );
const ping = await pingRes.json();
say( true, `Backend ${ ping.version } reachable at ${ url }` );
if ( ! key ) fail( 'No API key: pass it as the second argument, or run this next to .api-key.' );
if ( ! ping.drivers ) {
	if ( ping.status === 'degraded' ) fail( 'The backend runs, but its claude CLI cannot serve (not installed or not logged in). On that machine: echo test | claude -p' );
	fail( 'The API key was refused. Use the key start.sh printed (it is in .api-key next to server.js).' );
}
const claude = ping.drivers[ 0 ] ?? {};
if ( ! claude.version ) fail( `The backend cannot run the claude CLI: ${ claude.error ?? 'not found' }. Test it on that machine: echo test | claude -p` );
say( true, `claude CLI ${ claude.version } at ${ claude.path ?? '?' }` );
if ( claude.logged_in === false ) fail( 'claude is not logged in on the backend machine: run `claude` once and /login, then try again.' );
console.log( `  pool ready ${ ping.pool?.ready ?? 0 }/${ ping.pool?.size ?? 0 }, running ${ ping.queue?.running ?? 0 }, waiting ${ ping.queue?.waiting ?? 0 }` );

const started = Date.now();
const res = await call( '/v1/messages', {
	method: 'POST',
	headers: { 'content-type': 'application/json', 'x-api-key': key, 'anthropic-version': '2023-06-01' },
	body: JSON.stringify( { model, max_tokens: 16, messages: [ { role: 'user', content: 'Reply with the single word OK.' } ] } ),
	timeoutMs: 120_000,
} );
const body = await res.json().catch( () => ( {} ) );
const message = body?.error?.message ?? '';
if ( res.status === 401 ) {
	if ( /not logged in/.test( message ) ) fail( message );
	fail( 'The API key was refused. Use the key start.sh printed (it is in .api-key next to server.js).' );
}
if ( res.status === 429 ) fail( `Busy or rate limited: ${ message }` );
if ( ! res.ok ) fail( `A test message failed (HTTP ${ res.status }): ${ message || 'no details' }. On the backend machine check ./backend.log and try: echo test | claude -p` );
const text = ( body.content ?? [] ).map( ( b ) => b.text ?? '' ).join( '' ).trim();
say( true, `Test message answered in ${ Date.now() - started } ms by ${ body.model }: "${ text.slice( 0, 60 ) }"` );
console.log( `  usage: ${ body.usage?.input_tokens } in / ${ body.usage?.output_tokens } out, cost ${ body.usage?.cost_usd ?? '?' } USD (${ body.usage?.cost_kind ?? '?' })` );
say( true, 'Connected! Paste the base URL and key into WordPress → Agentic Writer → Settings → Local backend.' );
NODE
