/**
 * The CLI does text generation and nothing else, whatever the author has set up: with the real
 * pinned CLI and a HOME holding a user MCP server, hooks, a custom command, a skill, a subagent
 * and ~/.claude/CLAUDE.md (see fixtures/author-home.ts), no request through the backend starts
 * or runs any of them, the upstream request carries no MCP tool and no marker text, `@file`
 * mentions read no file, and a prompt that starts with `/` reaches the model as text — on both
 * APIs, streamed and not, from the warm pool and cold. Processes are reused here (the start-up
 * check passes with the pinned CLI), so every request after the first runs on a process that was
 * cleared with `/clear`: the lockdown is proven together with reuse. With
 * `--disable-slash-commands` `/clear` would clear nothing (proven below), which is why a reusable
 * process runs without it and every request's text goes through `asPlainText` instead.
 */

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';

import { childEnv, cliArgs } from '../src/drivers/claude.ts';
import { CliProcess } from '../src/drivers/run-cli.ts';
import type { RunningBackend } from '../src/index.ts';
import { type AuthorHome, COMMAND_NAME, makeAuthorHome } from './fixtures/author-home.ts';
import { CLAUDE_BIN, cliChildren, type MockUpstream, offlineCliEnv, postJson, removeHomes, startMockUpstream, startTestBackend, waitFor } from './helpers.ts';

let mock: MockUpstream;
let backend: RunningBackend;
let author: AuthorHome;
let env: NodeJS.ProcessEnv;
let secretFile: string;

const SECRET = 'AWMARKER-SECRET-FILE-CONTENT-0d19';

before( async () => {
	mock = await startMockUpstream();
	env = offlineCliEnv( mock.url );
	author = makeAuthorHome( env.HOME! );
	secretFile = join( env.HOME!, 'secret.txt' );
	writeFileSync( secretFile, `${ SECRET }\n` );
	backend = await startTestBackend( mock.url, { pool: 1, env } );
} );

afterEach( () => {
	assert.deepEqual( author.markersWritten(), [], 'no MCP server started, no hook ran, no command ran' );
} );

after( async () => {
	await backend?.stop();
	// SessionEnd hooks would run as a CLI exits: look once every child is gone.
	await waitFor( () => cliChildren(), ( pids ) => pids.length === 0, 3000 );
	await new Promise( ( r ) => setTimeout( r, 300 ) );
	const written = author.markersWritten();
	await mock.close();
	removeHomes();
	assert.deepEqual( written, [], 'nothing of the author’s setup ran, not even at exit' );
} );

interface UpstreamView {
	paths: string[];
	tools: string[];
	/** Every request body the CLI sent, as JSON. */
	body: string;
	messages: number;
	/** The last text block of the last message: the prompt as the model got it. */
	lastUserText: string;
}

/** What the CLI sent upstream since the last reset (the mock's own log). */
function upstream(): UpstreamView {
	const posts = mock.requests.filter( ( r ) => r.method === 'POST' );
	const generation = posts.filter( ( r ) => r.path.startsWith( '/v1/messages?' ) || r.path === '/v1/messages' );
	assert.equal( generation.length, 1, `one generation request upstream, got: ${ posts.map( ( r ) => r.path ).join( ', ' ) }` );
	const body = generation[ 0 ]!.body as { tools?: { name: string }[]; messages: { content: string | { type: string; text?: string }[] }[] };
	const last = body.messages[ body.messages.length - 1 ]!.content;
	// The CLI puts its own <system-reminder> block first; the prompt is the last block.
	const lastUserText = typeof last === 'string' ? last : last[ last.length - 1 ]?.text ?? '';
	return { paths: posts.map( ( r ) => r.path ), tools: ( body.tools ?? [] ).map( ( t ) => t.name ), body: JSON.stringify( posts.map( ( r ) => r.body ) ), messages: body.messages.length, lastUserText };
}

function assertClean( view: UpstreamView ): void {
	assert.deepEqual( view.tools, [], 'no tool at all is offered to the model (no MCP tool)' );
	assert.deepEqual( view.paths, [ '/v1/messages?beta=true' ], 'the CLI called nothing but the generation (no count_tokens for a /context)' );
	for ( const marker of [ ...author.markerStrings, SECRET ] ) {
		assert.ok( ! view.body.includes( marker ), `upstream request carries no "${ marker }"` );
	}
}

async function anthropicText( res: Response, stream: boolean ): Promise<string> {
	assert.equal( res.status, 200, await res.clone().text() );
	if ( ! stream ) {
		return ( ( await res.json() ) as { content: { text: string }[] } ).content.map( ( b ) => b.text ).join( '' );
	}
	return ( await res.text() )
		.split( '\n' )
		.filter( ( l ) => l.startsWith( 'data: ' ) )
		.map( ( l ) => JSON.parse( l.slice( 6 ) ) as { type: string; delta?: { text?: string } } )
		.filter( ( e ) => e.type === 'content_block_delta' )
		.map( ( e ) => e.delta?.text ?? '' )
		.join( '' );
}

async function openaiText( res: Response, stream: boolean ): Promise<string> {
	assert.equal( res.status, 200, await res.clone().text() );
	if ( ! stream ) {
		return ( ( await res.json() ) as { choices: { message: { content: string } }[] } ).choices[ 0 ]!.message.content;
	}
	return ( await res.text() )
		.split( '\n' )
		.filter( ( l ) => l.startsWith( 'data: {' ) )
		.map( ( l ) => JSON.parse( l.slice( 6 ) ) as { choices: { delta: { content?: string } }[] } )
		.map( ( c ) => c.choices[ 0 ]?.delta.content ?? '' )
		.join( '' );
}

async function ask( api: 'anthropic' | 'openai', stream: boolean, content: string ): Promise<string> {
	mock.reset();
	if ( api === 'anthropic' ) {
		return anthropicText( await postJson( `${ backend.url }/v1/messages`, { model: 'sonnet', max_tokens: 200, stream, messages: [ { role: 'user', content } ] } ), stream );
	}
	return openaiText( await postJson( `${ backend.url }/v1/chat/completions`, { model: 'sonnet', stream, messages: [ { role: 'user', content } ] } ), stream );
}

describe( 'the author’s setup stays out', () => {
	test( 'the pool’s process is ready before the first request (so the next tests are served warm)', async () => {
		const stats = await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		assert.equal( stats.ready, 1 );
	} );

	for ( const api of [ 'anthropic', 'openai' ] as const ) {
		for ( const stream of [ false, true ] ) {
			// `/clear` matters where a process might be reused; once is enough for it.
			for ( const command of api === 'anthropic' && ! stream ? [ '/context', `/${ COMMAND_NAME }`, '/clear' ] : [ '/context', `/${ COMMAND_NAME }` ] ) {
				test( `${ api } ${ stream ? 'stream' : 'non-stream' }: "${ command }" reaches the model as text`, async () => {
					const warmBefore = backend.poolStats().served_warm;
					await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
					const text = await ask( api, stream, command );
					assert.match( text, new RegExp( `^Mock reply from claude-sonnet-5\\. You wrote: “${ command }”` ), 'the model answered the text' );
					assert.equal( backend.poolStats().served_warm, warmBefore + 1, 'served by a pooled process' );
					const view = upstream();
					assertClean( view );
					assert.equal( view.messages, 1, 'one message: nothing of an earlier request' );
					assert.equal( view.lastUserText.trim(), command );
				} );
			}
		}
	}

	test( 'a plain prompt reaches the model exactly as written', async () => {
		const text = await ask( 'anthropic', false, 'Write a haiku about / and @.' );
		assert.match( text, /You wrote: “Write a haiku about \/ and @\.”/ );
		const view = upstream();
		assertClean( view );
		assert.equal( view.lastUserText, 'Write a haiku about / and @.' );
	} );

	test( '@file mentions are text: no file is read and sent upstream', async () => {
		for ( const mention of [ `@${ secretFile }`, `Summarise @${ secretFile } please`, '@~/.claude/CLAUDE.md', '@awagent hello' ] ) {
			const text = await ask( 'anthropic', true, mention );
			assert.match( text, /^Mock reply from claude-sonnet-5\. You wrote: “/, mention );
			const view = upstream();
			assertClean( view );
			assert.equal( view.messages, 1, `${ mention }: no attachment message` );
		}
	} );

	test( 'a cold CLI (pool empty) is locked down too', async () => {
		const cold = await startTestBackend( mock.url, { pool: 0, env } );
		try {
			mock.reset();
			const text = await anthropicText( await postJson( `${ cold.url }/v1/messages`, { model: 'sonnet', max_tokens: 50, messages: [ { role: 'user', content: '/context' } ] } ), false );
			assert.match( text, /You wrote: “\/context”/ );
			assert.equal( cold.poolStats().served_cold, 1 );
			assertClean( upstream() );
		} finally {
			await cold.stop();
		}
	} );

	test( 'the author’s claude.ai login still works under the lockdown (why not --bare)', async () => {
		const oauthEnv = offlineCliEnv( mock.url );
		delete oauthEnv.ANTHROPIC_API_KEY;
		const oauthAuthor = makeAuthorHome( oauthEnv.HOME! );
		const token = 'sk-ant-oat01-aw-test-token-Q7ZK';
		writeFileSync(
			join( oauthEnv.HOME!, '.claude', '.credentials.json' ),
			JSON.stringify( { claudeAiOauth: { accessToken: token, refreshToken: 'sk-ant-ort01-aw-test', expiresAt: Date.now() + 86_400_000, scopes: [ 'user:inference', 'user:profile' ], subscriptionType: 'max' } } ),
			{ mode: 0o600 }
		);
		const subscriber = await startTestBackend( mock.url, { pool: 0, env: oauthEnv } );
		try {
			mock.reset();
			const text = await anthropicText( await postJson( `${ subscriber.url }/v1/messages`, { model: 'sonnet', max_tokens: 50, messages: [ { role: 'user', content: 'hi' } ] } ), false );
			assert.match( text, /You wrote: “hi”/ );
			const generation = mock.requests.find( ( r ) => r.method === 'POST' );
			assert.equal( generation?.headers.authorization, `…${ token.slice( -4 ) }`, 'the OAuth token, not an API key' );
			assertClean( upstream() );
		} finally {
			await subscriber.stop();
		}
		assert.deepEqual( oauthAuthor.markersWritten(), [] );
	} );

	test( 'a multi-turn conversation whose turns start with / is text too', async () => {
		mock.reset();
		const res = await postJson( `${ backend.url }/v1/messages`, {
			model: 'sonnet',
			max_tokens: 50,
			messages: [
				{ role: 'user', content: '/context' },
				{ role: 'assistant', content: '/compact' },
				{ role: 'user', content: `/${ COMMAND_NAME }` },
			],
		} );
		const text = await anthropicText( res, false );
		assert.match( text, /^Mock reply from claude-sonnet-5/ );
		const view = upstream();
		assertClean( view );
		assert.match( view.lastUserText, /<conversation_history>[\s\S]*\/context[\s\S]*\/compact[\s\S]*<\/conversation_history>\s+\/awcmd$/ );
	} );
} );

describe( 'reuse and lockdown together', () => {
	test( 'the suite above ran on reused processes', () => {
		assert.ok( backend.poolStats().served_reused >= 10, JSON.stringify( backend.poolStats() ) );
	} );

	test( 'a reused process serves the next request and it sees nothing of the first', async () => {
		await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		const first = await ask( 'anthropic', false, 'first request AWMARKER-FIRST-REQUEST' );
		assert.match( first, /AWMARKER-FIRST-REQUEST/ );
		await waitFor( () => backend.poolStats(), ( p ) => p.ready === 1, 20_000 );
		const reused = backend.poolStats().served_reused;
		const second = await ask( 'anthropic', false, 'second request' );
		assert.equal( backend.poolStats().served_reused, reused + 1 );
		assert.match( second, /You wrote: “second request”/ );
		const view = upstream();
		assert.equal( view.messages, 1 );
		assert.ok( ! view.body.includes( 'AWMARKER-FIRST-REQUEST' ), 'no trace of the earlier request' );
	} );

	// Why a reusable process runs without --disable-slash-commands: with it, the pinned CLI cannot
	// be cleared. If a future CLI clears here, this test fails and says so.
	test( 'with --disable-slash-commands /clear is refused and clears nothing', async () => {
		const cli = new CliProcess( { bin: CLAUDE_BIN, args: cliArgs( 'sonnet' ), env: childEnv( env, 30_000 ) } );
		const signal = AbortSignal.timeout( 30_000 );
		const turn = async ( content: string ): Promise<{ result: string }> => {
			cli.send( { type: 'user', message: { role: 'user', content }, parent_tool_use_id: null, session_id: '' } );
			for ( ;; ) {
				const next = await cli.nextLine( 30_000, signal );
				assert.equal( next.kind, 'line' );
				const line = JSON.parse( ( next as { line: string } ).line ) as { type: string; result?: string };
				if ( line.type === 'result' ) {
					return { result: String( line.result ) };
				}
			}
		};
		try {
			mock.reset();
			cli.send( { type: 'control_request', request_id: 'init', request: { subtype: 'initialize', systemPrompt: 'Test.' } } );
			await turn( 'remember AWMARKER-REUSE' );
			const cleared = await turn( '/clear' );
			assert.match( cleared.result, /isn't available/ );
			await turn( 'second turn' );
			const posts = mock.requests.filter( ( r ) => r.method === 'POST' );
			assert.equal( posts.length, 2, '/clear itself went nowhere' );
			const second = posts[ 1 ]!.body as { messages: unknown[] };
			assert.ok( second.messages.length > 1 && JSON.stringify( second ).includes( 'AWMARKER-REUSE' ), 'the earlier turn is still there' );
		} finally {
			await cli.kill();
		}
	} );
} );
