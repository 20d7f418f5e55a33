/**
 * Turns the Claude CLI's `--output-format stream-json --include-partial-messages` lines into
 * driver events: text deltas the moment they arrive, usage and cost from the result line,
 * CLI failures as typed errors. The CLI's synthetic error message is never passed on as text,
 * and text the CLI re-sends when it retries a dropped stream is not sent twice.
 */

import { type CostKind, type DriverEvent, DriverError, type StopReason, type Usage } from './types.ts';

const STOP_REASONS = new Set<StopReason>( [ 'end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal' ] );

export const NOT_LOGGED_IN = 'claude is not logged in on this machine: run `claude` once and /login (or set ANTHROPIC_API_KEY for the backend), then retry';

type Json = Record<string, unknown>;

function num( value: unknown ): number {
	return typeof value === 'number' && Number.isFinite( value ) ? value : 0;
}

export function usageFrom( raw: unknown ): Usage {
	const u = ( raw ?? {} ) as Json;
	return {
		input_tokens: num( u.input_tokens ),
		output_tokens: num( u.output_tokens ),
		cache_creation_input_tokens: num( u.cache_creation_input_tokens ),
		cache_read_input_tokens: num( u.cache_read_input_tokens ),
	};
}

/** Maps a failed result line (or the synthetic message's text) to a typed error with a message a person can act on. */
export function errorFromResult( text: string, status: number | null ): DriverError {
	const detail = text.trim() || 'the claude CLI failed without a message';
	if ( /not logged in|please run \/login|invalid api key|oauth token|failed to authenticate/i.test( detail ) || status === 401 || status === 403 ) {
		return new DriverError( 'authentication', `${ NOT_LOGGED_IN }. CLI said: ${ detail }` );
	}
	const limit = /usage limit reached\|(\d{9,})/i.exec( detail );
	if ( limit ) {
		const retry = Math.max( 1, Number( limit[ 1 ] ) - Math.floor( Date.now() / 1000 ) );
		return new DriverError( 'rate_limit', 'the Claude subscription usage limit is reached on this machine; it resets later (see Retry-After)', retry );
	}
	if ( status === 429 || /rate limit|usage limit|\(429\)/i.test( detail ) ) {
		return new DriverError( 'rate_limit', `Claude is rate limiting this machine; wait and retry. CLI said: ${ detail }` );
	}
	if ( status === 529 || status === 503 || /overloaded/i.test( detail ) ) {
		return new DriverError( 'overloaded', `Claude is overloaded; retry in a moment. CLI said: ${ detail }` );
	}
	if ( /timed out|timeout/i.test( detail ) ) {
		return new DriverError( 'timeout', `the upstream API did not answer in time. CLI said: ${ detail }` );
	}
	if ( status === 400 || /prompt is too long|invalid_request/i.test( detail ) ) {
		return new DriverError( 'invalid_request', detail );
	}
	if ( status === 404 ) {
		return new DriverError( 'not_found', `the upstream API does not know this model. CLI said: ${ detail }` );
	}
	if ( /unable to connect|ECONNRESET|ECONNREFUSED|socket|network|fetch failed/i.test( detail ) ) {
		return new DriverError( 'upstream', `the connection to the upstream API failed. CLI said: ${ detail }` );
	}
	return new DriverError( 'api', `the claude CLI failed. CLI said: ${ detail }` );
}

export class StreamJsonTranslator {
	/** Text already handed out; a retry's text must start with it. */
	private sent = '';
	/** Text of the attempt now streaming. */
	private attempt = '';
	private attempts = 0;
	private streamedIds = new Set<string>();
	private startEmitted = false;
	private stopReason: StopReason = 'end_turn';
	private streamUsage: Usage | undefined;
	private syntheticText = '';
	private apiKeySource: string | undefined;
	private done = false;
	private total: number | null = null;

	/**
	 * `costBase`: the CLI's `total_cost_usd` adds up over a reused process's requests; this
	 * request's cost is what it adds. `reused`: the result line's usage then adds up too (input
	 * tokens do), so usage comes from this request's own stream events.
	 */
	constructor(
		private readonly costKindFor: ( apiKeySource: string | undefined ) => CostKind,
		private readonly reuse: { costBase: number; reused: boolean } = { costBase: 0, reused: false }
	) {}

	/** The CLI's running total after this request (null when it gave none). */
	get totalCostUsd(): number | null {
		return this.total;
	}

	get finished(): boolean {
		return this.done;
	}

	get sentText(): string {
		return this.sent;
	}

	/** Events for one stdout line; throws DriverError when the CLI reports a failure. */
	feed( line: string ): DriverEvent[] {
		let msg: Json;
		try {
			msg = JSON.parse( line ) as Json;
		} catch {
			return []; // The CLI prints the odd non-JSON warning; it is not output.
		}
		switch ( msg.type ) {
			case 'system':
				if ( msg.subtype === 'init' && typeof msg.apiKeySource === 'string' ) {
					this.apiKeySource = msg.apiKeySource;
				}
				return [];
			case 'stream_event':
				return this.onStreamEvent( ( msg.event ?? {} ) as Json );
			case 'assistant':
				return this.onAssistant( ( msg.message ?? {} ) as Json );
			case 'result':
				return this.onResult( msg );
			default:
				return [];
		}
	}

	private onStreamEvent( event: Json ): DriverEvent[] {
		switch ( event.type ) {
			case 'message_start': {
				const message = ( event.message ?? {} ) as Json;
				this.attempts++;
				this.attempt = '';
				if ( typeof message.id === 'string' ) {
					this.streamedIds.add( message.id );
				}
				this.streamUsage = usageFrom( message.usage );
				return this.start( message );
			}
			case 'content_block_delta': {
				const delta = ( event.delta ?? {} ) as Json;
				// Thinking and signature deltas are not answer text.
				if ( delta.type === 'text_delta' && typeof delta.text === 'string' ) {
					return this.text( delta.text );
				}
				return [];
			}
			case 'message_delta': {
				const delta = ( event.delta ?? {} ) as Json;
				if ( typeof delta.stop_reason === 'string' && STOP_REASONS.has( delta.stop_reason as StopReason ) ) {
					this.stopReason = delta.stop_reason as StopReason;
				}
				if ( this.streamUsage && event.usage ) {
					this.streamUsage.output_tokens = num( ( event.usage as Json ).output_tokens );
				}
				return [];
			}
			default:
				return [];
		}
	}

	private onAssistant( message: Json ): DriverEvent[] {
		const content = Array.isArray( message.content ) ? ( message.content as Json[] ) : [];
		const text = content
			.filter( ( block ) => block.type === 'text' && typeof block.text === 'string' )
			.map( ( block ) => block.text as string )
			.join( '' );
		if ( message.model === '<synthetic>' ) {
			this.syntheticText = text;
			return [];
		}
		if ( typeof message.id === 'string' && this.streamedIds.has( message.id ) ) {
			return []; // The whole message again, after its deltas.
		}
		// A reply that came without stream events: the CLI's non-stream retry of a dropped stream.
		this.attempts++;
		this.attempt = '';
		if ( message.usage ) {
			this.streamUsage = usageFrom( message.usage );
		}
		if ( typeof message.stop_reason === 'string' && STOP_REASONS.has( message.stop_reason as StopReason ) ) {
			this.stopReason = message.stop_reason as StopReason;
		}
		return [ ...this.start( message ), ...this.text( text ) ];
	}

	private onResult( msg: Json ): DriverEvent[] {
		this.done = true;
		if ( msg.is_error === true || ( typeof msg.subtype === 'string' && msg.subtype.startsWith( 'error' ) ) ) {
			const text = typeof msg.result === 'string' && msg.result ? msg.result : this.syntheticText;
			throw errorFromResult( text, typeof msg.api_error_status === 'number' ? msg.api_error_status : null );
		}
		if ( typeof msg.stop_reason === 'string' && STOP_REASONS.has( msg.stop_reason as StopReason ) ) {
			this.stopReason = msg.stop_reason as StopReason;
		}
		const events = this.start( {} );
		const fromResult = msg.usage ? usageFrom( msg.usage ) : undefined;
		const usage = ( this.reuse.reused ? this.streamUsage ?? fromResult : fromResult ?? this.streamUsage ) ?? usageFrom( {} );
		this.total = typeof msg.total_cost_usd === 'number' && Number.isFinite( msg.total_cost_usd ) ? msg.total_cost_usd : null;
		const cost = this.total === null ? null : Math.max( 0, Math.round( ( this.total - this.reuse.costBase ) * 1e9 ) / 1e9 );
		events.push( { type: 'end', stopReason: this.stopReason, usage, costUsd: cost, costKind: this.costKindFor( this.apiKeySource ) } );
		return events;
	}

	private start( message: Json ): DriverEvent[] {
		if ( this.startEmitted ) {
			return [];
		}
		this.startEmitted = true;
		return [
			{
				type: 'start',
				id: typeof message.id === 'string' && message.id.startsWith( 'msg_' ) ? message.id : `msg_local_${ Date.now().toString( 36 ) }${ Math.random().toString( 36 ).slice( 2, 10 ) }`,
				model: typeof message.model === 'string' ? message.model : '',
				usage: usageFrom( message.usage ),
			},
		];
	}

	/** Passes new text on; during a retry, only what goes beyond the text already sent. */
	private text( chunk: string ): DriverEvent[] {
		if ( chunk === '' ) {
			return [];
		}
		this.attempt += chunk;
		if ( this.attempt.length <= this.sent.length ) {
			if ( ! this.sent.startsWith( this.attempt ) ) {
				throw this.divergedRetry();
			}
			return [];
		}
		if ( ! this.attempt.startsWith( this.sent ) ) {
			throw this.divergedRetry();
		}
		const fresh = this.attempt.slice( this.sent.length );
		this.sent = this.attempt;
		return [ { type: 'text', text: fresh } ];
	}

	private divergedRetry(): DriverError {
		return new DriverError( 'upstream', 'the upstream stream dropped mid-answer and the retry gave a different answer; the text so far is incomplete' );
	}
}
