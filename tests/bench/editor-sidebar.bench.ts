// The editor sidebar as an author meets it (DESIGN.md §5 "Editor sidebar"), in Debian's Chromium
// against the test site, with the mock upstream (in-process) behind OpenRouter:
//   sidebar_bundle_gzip_kb            editor-sidebar.js + editor-sidebar.css + any chunk the page
//                                     loaded from the build folder, each gzipped (zlib level 9), kB of 1024 bytes
//   sidebar_first_token_added_ms_p50  p50 over 9 samples of click on Write → first text in the post
//                                     (editor canvas), minus p50 of the same request's first
//                                     `event: delta` over plain HTTP (app password), sampled in
//                                     the same iterations: what the sidebar adds on top of WordPress
//   sidebar_stream_longest_task_ms    longest main-thread task (PerformanceObserver longtask,
//                                     ≥ 50 ms; 0 when none) from the click until Stop disappears
//                                     while a ~3,000-word draft streams in 300 chunks; median of 3 runs
// The site's settings are snapshotted with PHP and put back afterwards.
import { startMockUpstream } from '../mocks/upstream/index.ts';
import { gzipKb, sidebarFiles } from './bundle-size.ts';
import { armProbe, probeSawText, type ProbeResult, readProbe } from './editor-probe.ts';
import { type EditorSession, openEditor } from './editor-session.ts';
import { timed } from './http-timing.ts';
import { restoreSettings, settingsOption } from './settings-option.ts';
import { percentile, round } from './stats.ts';
import { appAuth, siteInfo } from './wordpress.ts';

const SAMPLES = 9;
const WARMUP = 2;
const LONG_RUNS = 3;
// A wait the first token cannot hide in (the first delta is plainly after the start event), and
// a stream long enough that the Stop button is seen.
const FIRST_TOKEN_PROMPT = 'Write the introduction about bees [[mock:ttft=150,chunks=10,delay=50]]';
// ~3,000 words (the plugin's 4,096-token cap stops it near 2,800) in 300 chunks, 10 ms apart.
const LONG_PROMPT = 'Write a long post about bees [[mock:words=3000,chunks=300,delay=10]]';

const settle = () => new Promise( ( resolve ) => setTimeout( resolve, 100 ) );

interface Generation {
	probe: ProbeResult & { now: number };
	/** The generate request's JSON body exactly as the sidebar sent it. */
	body: string;
}

/** One Write in the sidebar on an empty post, from the click until Stop is gone. */
async function writeOnce( session: EditorSession, prompt: string, timeout: number ): Promise< Generation > {
	const { page, sidebar } = session;
	await session.clearPost();
	await sidebar.getByRole( 'textbox', { name: 'Prompt', exact: true } ).fill( prompt );
	await page.evaluate( armProbe );
	const sent = page.waitForRequest(
		( request ) => request.method() === 'POST' && decodeURIComponent( request.url() ).includes( 'agentic-writer/v1/generate' ),
		{ timeout: 15_000 }
	);
	await sidebar.getByRole( 'button', { name: 'Write', exact: true } ).click();
	const request = await sent;
	const stop = sidebar.getByRole( 'button', { name: 'Stop', exact: true } );
	try {
		await stop.waitFor( { state: 'visible', timeout } );
		await page.waitForFunction( probeSawText, undefined, { timeout } );
		await stop.waitFor( { state: 'hidden', timeout } );
	} catch ( error ) {
		// Usually a provider error the sidebar shows (e.g. the settings changed under the bench).
		const says = ( await sidebar.innerText() ).replace( /\s+/g, ' ' ).slice( 0, 500 );
		throw new Error( `Write did not stream into the post (${ ( error as Error ).message.split( '\n' )[ 0 ] }); the sidebar says: ${ says }` );
	}
	return { probe: await page.evaluate( readProbe ), body: request.postData() ?? '' };
}

export async function run(): Promise< Record< string, number > > {
	const info = siteInfo( 'sqlite' );
	const auth = appAuth( info, 'admin' );
	const mock = await startMockUpstream();
	const saved = settingsOption( info );
	let session: EditorSession | undefined;
	try {
		const res = await fetch( `${ info.url }/wp-json/agentic-writer/v1/settings`, {
			method: 'POST',
			headers: { authorization: auth, 'content-type': 'application/json' },
			body: JSON.stringify( {
				provider_mode: 'hybrid',
				routing: { mode: 'simple', simple: { text: 'openrouter', image: 'openrouter' } },
				providers: { openrouter: { api_key: 'sk-or-bench-0123456789', base_url: `${ mock.url }/api/v1`, model: 'openai/gpt-4o-mini' } },
				timeouts: { connect_seconds: 2, read_seconds: 60 },
			} ),
		} );
		if ( res.status !== 200 ) {
			throw new Error( `POST settings → ${ res.status }: ${ await res.text() }` );
		}

		session = await openEditor( info, 'Write' );

		// 1. First token: browser and plain HTTP, the same request body, the same iterations.
		const inBrowser: number[] = [];
		const overHttp: number[] = [];
		for ( let i = 0; i < WARMUP + SAMPLES; i++ ) {
			await settle();
			const { probe, body } = await writeOnce( session, FIRST_TOKEN_PROMPT, 30_000 );
			if ( ! body.includes( '"writing"' ) || ! body.includes( 'Write the introduction about bees' ) ) {
				throw new Error( `the sidebar sent an unexpected generate body: ${ body.slice( 0, 300 ) }` );
			}
			await settle();
			const http = await timed(
				`${ info.url }/wp-json/agentic-writer/v1/generate`,
				'POST',
				{ authorization: auth, accept: 'text/event-stream', 'content-type': 'application/json' },
				body
			);
			if ( http.status !== 200 || Number.isNaN( http.firstDelta ) ) {
				throw new Error( `generate over HTTP failed: ${ http.status } ${ http.body.slice( 0, 300 ) }` );
			}
			if ( i >= WARMUP ) {
				inBrowser.push( probe.firstText - probe.click );
				overHttp.push( http.firstDelta );
			}
			mock.reset();
		}

		// 2. The longest task while a long draft streams into the post.
		const longest: number[] = [];
		for ( let i = 0; i < LONG_RUNS; i++ ) {
			await settle();
			const { probe } = await writeOnce( session, LONG_PROMPT, 120_000 );
			const blocks = await session.page.frameLocator( 'iframe[name="editor-canvas"]' ).locator( '[data-block]' ).count();
			if ( blocks < 50 ) {
				throw new Error( `a ~3,000-word draft made only ${ blocks } blocks` );
			}
			const during = probe.longTasks.filter( ( task ) => task.start + task.duration >= probe.click && task.start <= probe.now );
			longest.push( Math.max( 0, ...during.map( ( task ) => task.duration ) ) );
			mock.reset();
		}

		const files = sidebarFiles( 'editor-sidebar', session.buildUrls );
		// The figures behind the differences, for whoever reads the log.
		process.stderr.write(
			`bench: editor-sidebar: first text p50 ${ round( percentile( inBrowser, 50 ) ) } ms in the browser, ` +
				`first delta p50 ${ round( percentile( overHttp, 50 ) ) } ms over HTTP; longest task per long run ${ longest.join( ', ' ) } ms; ` +
				`bundle ${ files.map( ( file ) => file.slice( file.lastIndexOf( '/' ) + 1 ) ).join( ' + ' ) }\n`
		);
		return {
			sidebar_bundle_gzip_kb: round( gzipKb( files ) ),
			sidebar_first_token_added_ms_p50: round( percentile( inBrowser, 50 ) - percentile( overHttp, 50 ) ),
			sidebar_stream_longest_task_ms: round( percentile( longest, 50 ) ),
		};
	} finally {
		await session?.close();
		restoreSettings( info, saved );
		await mock.close();
	}
}
