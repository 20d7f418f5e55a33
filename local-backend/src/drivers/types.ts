/**
 * What a CLI driver offers the routes: one generation as a stream of events, its models and
 * its status. Routes know nothing of any CLI's output format.
 */

import type { RequestTrace } from '../trace.ts';

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';

/** `local`: no money involved (a loopback/LAN upstream); `subscription`: a plan's credit; `metered`: an API key billed per token. */
export type CostKind = 'local' | 'subscription' | 'metered';

export interface Usage {
	input_tokens: number;
	output_tokens: number;
	cache_creation_input_tokens: number;
	cache_read_input_tokens: number;
}

export interface GenerateRequest {
	/** As the client sent it (alias or full id); already checked by `resolveModel`. */
	model: string;
	/** Empty: no system prompt. */
	system: string;
	/** The conversation, flattened (see README, "Multi-turn history"). */
	prompt: string;
	/** Aborts the generation and kills the child (client gone, server stopping). */
	signal: AbortSignal;
	/** Set only with AW_BACKEND_TRACE=1 (profiling). */
	trace?: RequestTrace;
}

export type DriverEvent =
	| { type: 'start'; id: string; model: string; usage: Usage }
	| { type: 'text'; text: string }
	| { type: 'end'; stopReason: StopReason; usage: Usage; costUsd: number | null; costKind: CostKind };

export type DriverErrorKind =
	| 'invalid_request'
	| 'authentication'
	| 'not_found'
	| 'rate_limit'
	| 'overloaded'
	| 'timeout'
	| 'unavailable'
	| 'upstream'
	| 'api';

export class DriverError extends Error {
	constructor(
		readonly kind: DriverErrorKind,
		message: string,
		readonly retryAfterSeconds?: number
	) {
		super( message );
	}
}

/** Why a CLI gave no next line, as the error to answer with (undefined for end of output). */
export function noLineError( kind: 'aborted' | 'stall' | 'eof', engine: string, deadline: AbortSignal, timeoutMs: number, stallMs: number ): DriverError | undefined {
	if ( kind === 'aborted' ) {
		return deadline.aborted
			? new DriverError( 'timeout', `the request took longer than AW_BACKEND_TIMEOUT_MS (${ timeoutMs } ms) and was stopped` )
			: new DriverError( 'api', 'request aborted' );
	}
	if ( kind === 'stall' ) {
		return new DriverError( 'timeout', `the ${ engine } CLI produced no output for ${ stallMs } ms (upstream hung or stalled); the request was stopped` );
	}
	return undefined;
}

export interface ModelInfo {
	id: string;
	display_name: string;
	/** For aliases: the full id the CLI sends upstream today; for tiers: the engine's model. */
	alias_of?: string;
	/** The engine that serves it (set by the router). */
	engine?: string;
}

export interface DriverStatus {
	name: string;
	path: string | null;
	version: string | null;
	ready: boolean;
	/** null when not cheaply knowable. */
	logged_in: boolean | null;
	auth_method: string | null;
	error?: string;
	/** Whether processes serve several requests, and why (the start-up check's result). */
	reuse?: {
		mechanism: 'clear' | 'none';
		check: 'passed' | 'failed' | 'off';
		detail: string;
		ms: number;
		max_requests: number;
		max_minutes: number;
	};
}

export interface PoolStats {
	size: number;
	ready: number;
	starting: number;
	/** Serving a request now, coming back after it. */
	lent: number;
	served_warm: number;
	served_cold: number;
	/** Of served_warm: by a process that had served another request before. */
	served_reused: number;
	/** Ended at the request or age limit. */
	recycled: number;
}

export interface Driver {
	readonly name: string;
	models(): ModelInfo[];
	/** The accepted name, or undefined when the model is unknown. */
	resolveModel( model: string ): string | undefined;
	generate( request: GenerateRequest ): AsyncGenerator<DriverEvent, void, undefined>;
	status(): DriverStatus;
	poolStats(): PoolStats;
	/** Spawns the warm pool and probes the CLI. */
	start(): Promise<void>;
	/** Kills every child. */
	close(): Promise<void>;
}
