/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { parseStreamEvent, type StreamEvent } from './events';
import { SseParser } from './sse-parser';

export const GENERATE_PATH = '/agentic-writer/v1/generate';

export type TextTask =
	'chat' | 'clarity' | 'planning' | 'writing' | 'refinement';

export interface GenerateBody {
	task: TextTask;
	prompt?: string;
	messages?: Array< { role: 'user' | 'assistant'; content: string } >;
	post_id?: number;
	selection?: string;
}

/**
 * A request that failed before streaming: the server's code and message, as a person can act on.
 */
export class GenerateError extends Error {
	constructor(
		message: string,
		public readonly code: string,
		public readonly retryable: boolean,
		/** The server's id of the failed request (the usage row and the log have it). */
		public readonly requestId = ''
	) {
		super( message );
		this.name = 'GenerateError';
	}
}

function isResponse( value: unknown ): value is Response {
	return (
		typeof value === 'object' &&
		value !== null &&
		'status' in value &&
		'json' in value
	);
}

/**
 * What apiFetch rejected with (a REST error body, a Response, an abort) → GenerateError.
 * @param error What apiFetch rejected with.
 */
async function requestError( error: unknown ): Promise< Error > {
	if ( error instanceof DOMException && error.name === 'AbortError' ) {
		return error;
	}
	let body: unknown = error;
	let status = 0;
	if ( isResponse( error ) ) {
		status = error.status;
		body = await error.json().catch( () => null );
	}
	const record = ( body ?? {} ) as {
		code?: unknown;
		message?: unknown;
		data?: { request_id?: unknown };
	};
	const requestId =
		typeof record.data?.request_id === 'string'
			? record.data.request_id
			: '';
	const code = typeof record.code === 'string' ? record.code : 'fetch_error';
	const message =
		typeof record.message === 'string' && record.message !== ''
			? record.message
			: __(
					'The site could not be reached. Check your connection and try again.',
					'agentic-writer'
				);
	return new GenerateError(
		message,
		code,
		status === 0 || status === 429 || status >= 500,
		requestId
	);
}

/**
 * POSTs to `generate` asking for Server-Sent Events, through apiFetch (REST root and nonce
 * middlewares) with `parse: false` so the body can be read as it arrives. Calls `onEvent` for
 * every checked event. A stream that ends without `done` gets a synthetic retryable `error`, so
 * the caller always learns how it ended. Rejects only before the stream starts (GenerateError)
 * or when aborted (AbortError).
 *
 * @param body    Request body.
 * @param signal  Aborts the request (Stop); the server then stops the upstream call.
 * @param onEvent Receives each event in order.
 */
export async function streamGenerate(
	body: GenerateBody,
	signal: AbortSignal,
	onEvent: ( event: StreamEvent ) => void
): Promise< void > {
	let response: Response;
	try {
		response = ( await apiFetch( {
			path: GENERATE_PATH,
			method: 'POST',
			data: body,
			headers: { Accept: 'text/event-stream' },
			parse: false,
			signal,
		} ) ) as Response;
	} catch ( error ) {
		throw await requestError( error );
	}
	if ( ! response.body ) {
		throw new GenerateError(
			__( 'The site answered without a body.', 'agentic-writer' ),
			'agentic_writer_empty_stream',
			true
		);
	}
	const reader = response.body
		.pipeThrough( new TextDecoderStream() )
		.getReader();
	const parser = new SseParser();
	let ended = false;
	const handle = ( name: string, data: string ) => {
		let event: StreamEvent | null;
		try {
			event = parseStreamEvent( name, data );
		} catch ( error ) {
			event = {
				type: 'error',
				code: 'agentic_writer_bad_event',
				message: ( error as Error ).message,
				retryable: true,
			};
		}
		if ( event ) {
			ended = ended || event.type === 'done';
			onEvent( event );
		}
	};
	for (;;) {
		const { value, done } = await reader.read();
		if ( done ) {
			break;
		}
		for ( const message of parser.feed( value ) ) {
			handle( message.event, message.data );
		}
	}
	if ( ! ended ) {
		onEvent( {
			type: 'error',
			code: 'agentic_writer_stream_cut',
			message: __(
				'The connection closed before the answer was complete. What arrived is kept; try again for the rest.',
				'agentic-writer'
			),
			retryable: true,
		} );
	}
}
