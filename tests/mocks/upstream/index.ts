/**
 * Mock upstream model APIs (Anthropic Messages, OpenAI Chat Completions, OpenRouter) that fail
 * on command. See README.md for endpoints, directives and the control API.
 */

import type { AddressInfo } from 'node:net';

import { type Directive, DirectiveQueue, parseDirective } from './directives.ts';
import { createMockServer, type MockState, type RecordedRequest } from './server.ts';

export type { Directive, RecordedRequest };
export { parseDirective };
export { CATALOGUE, costUsd } from './openrouter-models.ts';
export { MOCK_PNG_BASE64, MOCK_PNG_DATA_URL } from './png.ts';

export interface MockUpstreamOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	host?: string;
	/** When set, every other key is refused with 401. */
	apiKey?: string;
	/** Text chunks per streamed reply (default 5). */
	defaultChunks?: number;
	/** Milliseconds between streamed chunks (default 0). */
	defaultChunkDelayMs?: number;
}

export interface MockUpstream {
	/** `http://127.0.0.1:PORT`, no trailing slash. Anthropic/OpenAI base URL; OpenRouter's is `${ url }/api/v1`. */
	url: string;
	port: number;
	close(): Promise<void>;
	/** Clears the directive queue and the request log. */
	reset(): void;
	/** Live request log, most recent last (the same data as `GET /__mock/requests`). */
	requests: RecordedRequest[];
	/** Queues a directive for the next `times` requests to `path` (any path when omitted). */
	script( directive: string, options?: { path?: string; times?: number } ): void;
}

export async function startMockUpstream( options: MockUpstreamOptions = {} ): Promise<MockUpstream> {
	const host = options.host ?? '127.0.0.1';
	const state: MockState = {
		apiKey: options.apiKey,
		defaultChunks: Math.max( 1, options.defaultChunks ?? 5 ),
		defaultChunkDelayMs: Math.max( 0, options.defaultChunkDelayMs ?? 0 ),
		queue: new DirectiveQueue(),
		requests: [],
	};
	const server = createMockServer( state );
	await new Promise<void>( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( options.port ?? 0, host, () => {
			server.off( 'error', reject );
			resolve();
		} );
	} );
	const { port } = server.address() as AddressInfo;
	const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes( ':' ) ? `[${ host }]` : host;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${ urlHost }:${ port }`,
		port,
		requests: state.requests,
		reset() {
			state.queue.clear();
			state.requests.length = 0;
		},
		script( directive, scriptOptions = {} ) {
			state.queue.add( {
				path: scriptOptions.path,
				times: scriptOptions.times ?? 1,
				directive: parseDirective( directive ),
				source: directive,
			} );
		},
		close() {
			closing ??= new Promise<void>( ( resolve, reject ) => {
				server.close( ( error ) => ( error ? reject( error ) : resolve() ) );
				// Hung and stalled requests would keep close() waiting forever.
				server.closeAllConnections();
			} );
			return closing;
		},
	};
}
