/**
 * One Claude Code CLI process as the pool holds it: ready once it has answered a version probe,
 * bound to a system prompt by its first request (the CLI fixes it at `initialize`), and, when
 * reusable, cleared with `/clear` between requests. A clear that does not look like a clear
 * (the line reached the model, or the CLI printed anything of a turn) makes the process unusable.
 */

import type { Warm } from '../pool.ts';
import { asPlainText, cliArgs } from './claude-args.ts';
import { CliProcess } from './run-cli.ts';

const READY_PROBE_ID = 'aw-ready';
const CLEAR_TIMEOUT_MS = 10_000;

export class ClaudeProcess implements Warm {
	readonly process: CliProcess;
	readonly bornAt = Date.now();
	boundTo: string | undefined;
	/** Requests this process has been given. */
	served = 0;
	/** The CLI's `total_cost_usd` adds up over a process's life: this is where the next request starts. */
	costSoFar = 0;
	private probed = false;
	private clearing: Promise<boolean> | undefined;

	constructor(
		readonly key: string,
		bin: string,
		env: NodeJS.ProcessEnv,
		readonly reusable: boolean,
		onReady: () => void
	) {
		this.process = new CliProcess( { bin, args: cliArgs( key, reusable ), env } );
		this.process.setLineHook( ( line ) => {
			if ( ! this.probed && line.includes( READY_PROBE_ID ) && line.includes( 'control_response' ) ) {
				this.probed = true;
				this.process.setLineHook( undefined );
				onReady();
				return true;
			}
			return false;
		} );
		this.process.send( { type: 'control_request', request_id: READY_PROBE_ID, request: { subtype: 'get_binary_version' } } );
	}

	get ready(): boolean {
		return this.probed && this.clearing === undefined;
	}

	get alive(): boolean {
		return this.process.alive;
	}

	get exited(): Promise<void> {
		return this.process.exited;
	}

	/** Minutes since spawn. */
	get ageMinutes(): number {
		return ( Date.now() - this.bornAt ) / 60_000;
	}

	kill(): Promise<void> {
		return this.process.kill();
	}

	/** Resolves true once an earlier request's `/clear` is done (at once when there was none). */
	settled(): Promise<boolean> {
		return this.clearing ?? Promise.resolve( true );
	}

	/** Sends the turn: the first request also binds the system prompt (one write, one syscall). */
	begin( system: string, prompt: string ): void {
		const user = { type: 'user', message: { role: 'user', content: asPlainText( prompt ) }, parent_tool_use_id: null, session_id: '' };
		this.served++;
		if ( this.boundTo === undefined ) {
			this.boundTo = system;
			this.process.send( { type: 'control_request', request_id: 'aw-init', request: { subtype: 'initialize', systemPrompt: system } }, user );
		} else {
			this.process.send( user );
		}
	}

	/**
	 * `/clear` after a finished request; `settled()` tells whether it cleared. A real clear is a
	 * `result` with no turn (`num_turns: 0`, empty result) and no model output before it.
	 */
	clear(): void {
		this.clearing = new Promise<boolean>( ( resolve ) => {
			let turnOutput = false;
			let finished = false;
			const done = ( ok: boolean ) => {
				if ( finished ) {
					return;
				}
				finished = true;
				clearTimeout( timer );
				this.process.setLineHook( undefined );
				this.clearing = undefined;
				if ( ! ok ) {
					void this.kill();
				}
				resolve( ok );
			};
			const timer = setTimeout( () => done( false ), CLEAR_TIMEOUT_MS );
			timer.unref();
			void this.exited.then( () => done( false ) );
			this.process.setLineHook( ( line ) => {
				// Cheap substring tests: these lines are small and this runs between requests.
				if ( line.includes( '"type":"stream_event"' ) ) {
					turnOutput = true;
				} else if ( line.includes( '"type":"assistant"' ) ) {
					// `/clear` prints a `<synthetic>` "(no content)" message; anything else is a turn.
					turnOutput ||= ! isEmptySynthetic( line );
				} else if ( line.includes( '"type":"result"' ) ) {
					let cleared = false;
					try {
						const result = JSON.parse( line ) as { is_error?: boolean; num_turns?: number; result?: string };
						cleared = ! turnOutput && result.is_error === false && result.num_turns === 0 && ( result.result ?? '' ) === '';
					} catch {
						cleared = false;
					}
					done( cleared );
				}
				return true;
			} );
			this.process.send( { type: 'user', message: { role: 'user', content: '/clear' }, parent_tool_use_id: null, session_id: '' } );
		} );
	}
}

function isEmptySynthetic( line: string ): boolean {
	try {
		const { message } = JSON.parse( line ) as { message?: { model?: string; content?: { text?: string }[] } };
		return message?.model === '<synthetic>' && ( message.content ?? [] ).every( ( block ) => ! block.text || block.text === '(no content)' );
	} catch {
		return false;
	}
}
