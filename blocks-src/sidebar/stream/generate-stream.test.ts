/* @jest-environment node */
// jsdom has no ReadableStream, TextDecoderStream or Response; Node has them all.

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { StreamEvent } from './events';
import {
	GENERATE_PATH,
	GenerateError,
	streamGenerate,
	type GenerateBody,
} from './generate-stream';

// apiFetch stands for the network: it answers with a real Response whose body streams.
jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

const mockedApiFetch = apiFetch as unknown as jest.Mock;

const BODY: GenerateBody = {
	task: 'writing',
	prompt: 'Write about tea.',
	post_id: 7,
};

function sse( name: string, data: unknown ): string {
	return `event: ${ name }\ndata: ${ JSON.stringify( data ) }\n\n`;
}

/**
 * A streaming Response made of the given byte chunks; `signal` errors the body as fetch does.
 *
 * @param chunks Bytes as they arrive.
 * @param signal The request's abort signal.
 */
function streamingResponse(
	chunks: Uint8Array[],
	signal?: AbortSignal
): Response {
	const body = new ReadableStream< Uint8Array >( {
		start( controller ) {
			signal?.addEventListener( 'abort', () =>
				controller.error( signal.reason )
			);
		},
		async pull( controller ) {
			// Each chunk in a task of its own, as a network would deliver them.
			await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
			const chunk = chunks.shift();
			if ( chunk ) {
				controller.enqueue( chunk );
			} else if ( ! signal?.aborted ) {
				controller.close();
			}
		},
	} );
	return new Response( body, {
		status: 200,
		headers: { 'Content-Type': 'text/event-stream' },
	} );
}

function textChunks( text: string, size: number ): Uint8Array[] {
	const bytes = new TextEncoder().encode( text );
	const chunks: Uint8Array[] = [];
	for ( let i = 0; i < bytes.length; i += size ) {
		chunks.push( bytes.slice( i, i + size ) );
	}
	return chunks;
}

function answerWith( text: string, size = 5 ): void {
	mockedApiFetch.mockImplementationOnce(
		async ( { signal }: { signal: AbortSignal } ) =>
			streamingResponse( textChunks( text, size ), signal )
	);
}

async function collect( signal = new AbortController().signal ) {
	const events: StreamEvent[] = [];
	await streamGenerate( BODY, signal, ( event ) => events.push( event ) );
	return events;
}

/**
 * A REST error as apiFetch rejects with it when `parse` is false: the Response itself.
 *
 * @param status HTTP status.
 * @param body   JSON body.
 */
function restError( status: number, body: unknown ): void {
	mockedApiFetch.mockRejectedValueOnce(
		new Response( JSON.stringify( body ), {
			status,
			headers: { 'Content-Type': 'application/json' },
		} )
	);
}

const START = { request_id: 'r1', provider: 'local_backend', model: 'sonnet' };
const USAGE = {
	tokens_prompt: 10,
	tokens_completion: 20,
	cost_usd: null,
	cost_kind: 'subscription',
};

describe( 'streamGenerate', () => {
	it( 'asks generate for Server-Sent Events with the body and the signal, unparsed', async () => {
		answerWith( sse( 'done', { request_id: 'r1', ok: true } ) );
		const controller = new AbortController();

		await collect( controller.signal );

		expect( mockedApiFetch ).toHaveBeenCalledTimes( 1 );
		expect( mockedApiFetch ).toHaveBeenCalledWith(
			expect.objectContaining( {
				path: GENERATE_PATH,
				method: 'POST',
				data: BODY,
				parse: false,
				signal: controller.signal,
				headers: expect.objectContaining( {
					Accept: 'text/event-stream',
				} ),
			} )
		);
	} );

	it( 'passes every event on in order, however the bytes are split', async () => {
		const text =
			sse( 'start', START ) +
			': keep-alive\n\n' +
			sse( 'delta', { text: 'Thé ' } ) +
			sse( 'fallback', {
				from: 'local_backend',
				to: 'openrouter',
				reason: 'connection_failed',
			} ) +
			sse( 'delta', { text: 'vert — ✓' } ) +
			sse( 'usage', USAGE ) +
			sse( 'done', { request_id: 'r1', ok: true } );
		// Three bytes a chunk splits the multi-byte characters too.
		answerWith( text, 3 );

		expect( await collect() ).toEqual( [
			{ type: 'start', ...START },
			{ type: 'delta', text: 'Thé ' },
			{
				type: 'fallback',
				from: 'local_backend',
				to: 'openrouter',
				reason: 'connection_failed',
			},
			{ type: 'delta', text: 'vert — ✓' },
			{ type: 'usage', ...USAGE },
			{ type: 'done', request_id: 'r1', ok: true },
		] );
	} );

	it( 'skips events it does not know', async () => {
		answerWith(
			sse( 'progress', { percent: 50 } ) +
				'data: untyped\n\n' +
				sse( 'done', { request_id: 'r1', ok: true } )
		);

		expect( await collect() ).toEqual( [
			{ type: 'done', request_id: 'r1', ok: true },
		] );
	} );

	it( 'turns a malformed event into a retryable error and reads on', async () => {
		answerWith(
			sse( 'delta', { text: 1 } ) +
				sse( 'delta', { text: 'ok' } ) +
				sse( 'done', { request_id: 'r1', ok: true } )
		);

		const events = await collect();

		expect( events ).toHaveLength( 3 );
		expect( events[ 0 ] ).toEqual( {
			type: 'error',
			code: 'agentic_writer_bad_event',
			message: expect.stringMatching( /"delta".*text/ ),
			retryable: true,
		} );
		expect( events.slice( 1 ) ).toEqual( [
			{ type: 'delta', text: 'ok' },
			{ type: 'done', request_id: 'r1', ok: true },
		] );
	} );

	it.each( [
		[
			'after whole events',
			sse( 'start', START ) + sse( 'delta', { text: 'Half' } ),
		],
		[
			'mid-line',
			sse( 'start', START ) +
				sse( 'delta', { text: 'Half' } ) +
				'event: done\ndata: {"request_id":"r1","o',
		],
		[ 'before any event', '' ],
	] )(
		'ends a stream cut %s with a synthetic retryable error',
		async ( _where, text ) => {
			answerWith( text );

			const events = await collect();

			expect( events.some( ( e ) => e.type === 'done' ) ).toBe( false );
			expect( events[ events.length - 1 ] ).toEqual( {
				type: 'error',
				code: 'agentic_writer_stream_cut',
				message: expect.stringContaining(
					'closed before the answer was complete'
				),
				retryable: true,
			} );
			expect( events.filter( ( e ) => e.type === 'error' ) ).toHaveLength(
				1
			);
		}
	);

	it( 'adds no synthetic error after done, even if the server sent an error first', async () => {
		answerWith(
			sse( 'error', {
				code: 'upstream',
				message: 'All failed.',
				retryable: false,
			} ) + sse( 'done', { request_id: 'r1', ok: false } )
		);

		expect( await collect() ).toEqual( [
			{
				type: 'error',
				code: 'upstream',
				message: 'All failed.',
				retryable: false,
			},
			{ type: 'done', request_id: 'r1', ok: false },
		] );
	} );

	it.each( [
		[ 500, true ],
		[ 502, true ],
		[ 429, true ],
		[ 400, false ],
		[ 403, false ],
	] )(
		'turns a %i REST error into a GenerateError (retryable: %s)',
		async ( status, retryable ) => {
			restError( status, {
				code: 'agentic_writer_test',
				message: `The server said ${ status }.`,
				data: { status },
			} );
			const onEvent = jest.fn();

			const failure = streamGenerate(
				BODY,
				new AbortController().signal,
				onEvent
			);

			await expect( failure ).rejects.toBeInstanceOf( GenerateError );
			await expect( failure ).rejects.toMatchObject( {
				name: 'GenerateError',
				message: `The server said ${ status }.`,
				code: 'agentic_writer_test',
				retryable,
			} );
			expect( onEvent ).not.toHaveBeenCalled();
		}
	);

	it( 'keeps the request id of a refusal (429) so the author can quote it', async () => {
		restError( 429, {
			code: 'agentic_writer_too_many_requests',
			message: 'Two answers are already being written for you.',
			data: {
				status: 429,
				request_id: 'c0ffee00-0000-4000-8000-000000000001',
			},
		} );
		await expect(
			streamGenerate( BODY, new AbortController().signal, jest.fn() )
		).rejects.toMatchObject( {
			code: 'agentic_writer_too_many_requests',
			retryable: true,
			requestId: 'c0ffee00-0000-4000-8000-000000000001',
		} );
	} );

	it( 'says what to do when the error has no message', async () => {
		mockedApiFetch.mockRejectedValueOnce(
			new Response( '<html>Bad gateway</html>', { status: 502 } )
		);

		await expect( collect() ).rejects.toMatchObject( {
			code: 'fetch_error',
			message: expect.stringContaining( 'try again' ),
			retryable: true,
		} );
	} );

	it( 'keeps the message of an error apiFetch already parsed (offline)', async () => {
		mockedApiFetch.mockRejectedValueOnce( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );

		await expect( collect() ).rejects.toMatchObject( {
			name: 'GenerateError',
			code: 'fetch_error',
			message: 'You are probably offline.',
			retryable: true,
		} );
	} );

	it( 'rejects with the AbortError when stopped before the answer starts', async () => {
		mockedApiFetch.mockImplementationOnce(
			( { signal }: { signal: AbortSignal } ) =>
				new Promise( ( _resolve, reject ) =>
					signal.addEventListener( 'abort', () =>
						reject( signal.reason )
					)
				)
		);
		const controller = new AbortController();
		const onEvent = jest.fn();

		const stopped = streamGenerate( BODY, controller.signal, onEvent );
		controller.abort();

		await expect( stopped ).rejects.toMatchObject( { name: 'AbortError' } );
		await expect( stopped ).rejects.not.toBeInstanceOf( GenerateError );
		expect( onEvent ).not.toHaveBeenCalled();
	} );

	it( 'rejects with the AbortError when stopped mid-stream, and adds no error event', async () => {
		const controller = new AbortController();
		const events: StreamEvent[] = [];
		mockedApiFetch.mockImplementationOnce(
			async ( { signal }: { signal: AbortSignal } ) =>
				// More than arrives before Stop: the stream would go on.
				streamingResponse(
					textChunks(
						sse( 'start', START ) +
							sse( 'delta', { text: 'One' } ) +
							sse( 'delta', { text: 'Two' } ),
						1000
					).concat(
						Array.from( { length: 50 }, () =>
							new TextEncoder().encode( ': keep-alive\n\n' )
						)
					),
					signal
				)
		);

		const stopped = streamGenerate( BODY, controller.signal, ( event ) => {
			events.push( event );
			if ( event.type === 'delta' && event.text === 'Two' ) {
				controller.abort();
			}
		} );

		await expect( stopped ).rejects.toMatchObject( { name: 'AbortError' } );
		expect( events ).toEqual( [
			{ type: 'start', ...START },
			{ type: 'delta', text: 'One' },
			{ type: 'delta', text: 'Two' },
		] );
	} );
} );
