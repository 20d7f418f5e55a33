/**
 * One CLI child process: spawned with an argument array (never a shell) in a fresh temp
 * working directory that is removed once the process has exited; JSON lines in and out.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { execa, type ResultPromise } from 'execa';

export interface CliSpawnOptions {
	bin: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	/** Grace period between SIGTERM and SIGKILL. */
	killGraceMs?: number;
}

// Working directories of live children: removed at exit even when the server is stopped before they are.
const liveDirs = new Set<string>();
process.once( 'exit', () => {
	for ( const dir of liveDirs ) {
		rmSync( dir, { recursive: true, force: true } );
	}
} );

export type LineResult = { kind: 'line'; line: string } | { kind: 'eof' } | { kind: 'stall' } | { kind: 'aborted' };

export class CliProcess {
	readonly dir: string;
	readonly startedAt = performance.now();
	readonly child: ResultPromise<{ stdin: 'pipe'; stdout: 'pipe'; stderr: 'pipe'; buffer: false; reject: false }>;
	/** Resolves once the process has exited and its directory is gone. */
	readonly exited: Promise<void>;
	exitCode: number | undefined;
	spawnError: string | undefined;
	private stderrTail = '';
	private readonly lines: string[] = [];
	private ended = false;
	private wake: ( () => void ) | undefined;
	private lineHook: ( ( line: string ) => boolean ) | undefined;

	constructor( options: CliSpawnOptions ) {
		this.dir = mkdtempSync( join( tmpdir(), 'aw-cli-' ) );
		liveDirs.add( this.dir );
		this.child = execa( options.bin, options.args, {
			cwd: this.dir,
			env: options.env,
			extendEnv: false,
			stdin: 'pipe',
			stdout: 'pipe',
			stderr: 'pipe',
			buffer: false,
			reject: false,
			forceKillAfterDelay: options.killGraceMs ?? 1000,
			cleanup: true,
		} );
		createInterface( { input: this.child.stdout, crlfDelay: Infinity } ).on( 'line', ( line ) => {
			if ( this.lineHook?.( line ) ) {
				return;
			}
			this.lines.push( line );
			this.wake?.();
		} );
		this.child.stderr.on( 'data', ( chunk: Buffer ) => {
			this.stderrTail = ( this.stderrTail + chunk.toString( 'utf8' ) ).slice( -4000 );
		} );
		// A child that dies before reading its stdin must not crash the server with EPIPE.
		this.child.stdin.on( 'error', () => {} );
		this.exited = this.child.then( ( result ) => {
			this.exitCode = result.exitCode;
			const code = ( result as { code?: string } ).code;
			if ( result.failed && ( code === 'ENOENT' || code === 'EACCES' || result.exitCode === undefined && ! result.isTerminated ) ) {
				this.spawnError = code ?? result.shortMessage;
			}
			this.ended = true;
			this.wake?.();
			rmSync( this.dir, { recursive: true, force: true } );
			liveDirs.delete( this.dir );
		} );
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get alive(): boolean {
		return ! this.ended && this.child.exitCode === null && this.child.signalCode === null;
	}

	get stderr(): string {
		return this.stderrTail.trim();
	}

	/** Lines for which the hook returns true are consumed by it and never queued. */
	setLineHook( hook: ( ( line: string ) => boolean ) | undefined ): void {
		this.lineHook = hook;
	}

	/** Several messages go in one write. */
	send( ...messages: unknown[] ): void {
		if ( this.child.stdin.writable ) {
			this.child.stdin.write( messages.map( ( m ) => `${ JSON.stringify( m ) }\n` ).join( '' ) );
		}
	}

	endInput(): void {
		this.child.stdin.end();
	}

	/** The next stdout line, or why there is none: end of output, no line for `stallMs`, or `signal` aborted. */
	nextLine( stallMs: number, signal: AbortSignal ): Promise<LineResult> {
		const queued = this.lines.shift();
		if ( queued !== undefined ) {
			return Promise.resolve( { kind: 'line', line: queued } );
		}
		if ( this.ended ) {
			return Promise.resolve( { kind: 'eof' } );
		}
		if ( signal.aborted ) {
			return Promise.resolve( { kind: 'aborted' } );
		}
		return new Promise( ( resolve ) => {
			const done = ( result: LineResult ) => {
				clearTimeout( timer );
				signal.removeEventListener( 'abort', onAbort );
				this.wake = undefined;
				resolve( result );
			};
			const onAbort = () => done( { kind: 'aborted' } );
			const timer = setTimeout( () => done( { kind: 'stall' } ), stallMs );
			signal.addEventListener( 'abort', onAbort, { once: true } );
			this.wake = () => {
				const line = this.lines.shift();
				if ( line !== undefined ) {
					done( { kind: 'line', line } );
				} else if ( this.ended ) {
					done( { kind: 'eof' } );
				}
			};
		} );
	}

	/** SIGTERM now, SIGKILL after the grace period; resolves when the process is gone. */
	kill(): Promise<void> {
		if ( this.alive ) {
			this.child.kill( 'SIGTERM' );
		}
		return this.exited;
	}
}
