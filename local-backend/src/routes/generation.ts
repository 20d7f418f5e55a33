/**
 * One generation through a driver, shared by both APIs: a concurrency slot, the child killed
 * when the client goes away, driver events handed to the API's stream writer or collected.
 */

import type { Request, Response } from 'express';

import type { CostKind, Driver, StopReason, Usage } from '../drivers/types.ts';
import { ApiError, noteError } from '../middleware/errors.ts';
import type { ConcurrencyLimiter } from '../concurrency-limiter.ts';
import type { Outcome } from '../protocol/anthropic-sse.ts';
import type { RequestTrace } from '../trace.ts';

export interface StreamSink {
	readonly started: boolean;
	start( id: string, model: string, usage: Usage ): void;
	text( text: string ): void;
	end( stopReason: StopReason, usage: Usage, costUsd: number | null, costKind: CostKind ): void;
	fail( error: ApiError ): void;
	/** Keeps an idle stream alive through proxies and client read timeouts. */
	ping(): void;
}

export interface GenerationContext {
	driver: Driver;
	limiter: ConcurrencyLimiter;
	/** Aborted when the server shuts down. */
	shutdown: AbortSignal;
	/** Silence on a started stream longer than this sends a ping. */
	keepAliveMs: number;
}

export interface GenerationInput {
	model: string;
	system: string;
	prompt: string;
}

/** Streams into `sink` when given, else resolves with the whole outcome. Errors before any output are thrown (the route answers with a status). */
export async function runGeneration( ctx: GenerationContext, req: Request, res: Response, input: GenerationInput, sink?: StreamSink ): Promise<Outcome | undefined> {
	const client = new AbortController();
	res.on( 'close', () => {
		if ( ! res.writableFinished ) {
			client.abort();
		}
	} );
	const signal = AbortSignal.any( [ client.signal, ctx.shutdown ] );
	const trace = res.locals.trace as RequestTrace | undefined;
	trace?.mark( 'validated' );
	const release = await ctx.limiter.acquire( signal );
	trace?.mark( 'slot' );
	const outcome: Outcome = { id: '', model: input.model, text: '', stopReason: 'end_turn', usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }, costUsd: null, costKind: 'subscription' };
	let lastWrite = performance.now();
	const keepAlive = sink
		? setInterval( () => {
				if ( sink.started && performance.now() - lastWrite >= ctx.keepAliveMs ) {
					sink.ping();
					lastWrite = performance.now();
				}
			}, Math.max( 50, ctx.keepAliveMs / 2 ) )
		: undefined;
	try {
		for await ( const event of ctx.driver.generate( { ...input, signal, trace } ) ) {
			lastWrite = performance.now();
			if ( event.type === 'start' ) {
				outcome.id = event.id;
				outcome.model = event.model || input.model;
				sink?.start( outcome.id, outcome.model, event.usage );
			} else if ( event.type === 'text' ) {
				if ( sink ) {
					sink.text( event.text );
					trace?.mark( 'first_sse_write' );
				} else {
					outcome.text += event.text;
				}
			} else {
				Object.assign( outcome, { stopReason: event.stopReason, usage: event.usage, costUsd: event.costUsd, costKind: event.costKind } );
				sink?.end( event.stopReason, event.usage, event.costUsd, event.costKind );
			}
		}
		return outcome;
	} catch ( error ) {
		if ( client.signal.aborted ) {
			return undefined; // Nobody is listening any more; the child is already gone.
		}
		if ( sink?.started ) {
			const apiError = ApiError.from( error );
			noteError( res, apiError );
			sink.fail( apiError );
			return undefined;
		}
		throw error;
	} finally {
		clearInterval( keepAlive );
		release();
		trace?.mark( 'end' );
		trace?.flush();
	}
}
