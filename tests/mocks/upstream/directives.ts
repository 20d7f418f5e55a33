/**
 * Scripted failures: `[[mock:status=503,retry_after=2]]` in message text, an `x-mock` header,
 * or a directive queued through the control API.
 */

export interface Directive {
	status?: number;
	retryAfter?: number;
	hang?: boolean;
	ttftMs?: number;
	chunks?: number;
	delayMs?: number;
	dropAfter?: number;
	stallAfter?: number;
	/** `generic`: the task-blind reply of old; `xss`: hostile Markdown for security tests. */
	reply?: ReplyKind;
	/** Length of a writing draft, in words (about). */
	words?: number;
}

export const REPLY_KINDS = [ 'generic', 'xss' ] as const;
export type ReplyKind = ( typeof REPLY_KINDS )[ number ];

function isReplyKind( value: string | undefined ): value is ReplyKind {
	return ( REPLY_KINDS as readonly string[] ).includes( value ?? '' );
}

export interface ScriptEntry {
	/** Matches the request path without its query string, with or without the `/api` prefix; undefined = any. */
	path?: string;
	times: number;
	directive: Directive;
	source: string;
}

const MARKER = /\[\[mock:([^\]]*)\]\]/g;

function nonNegativeInt( key: string, value: string | undefined ): number {
	const n = Number( value );
	if ( value === undefined || value === '' || ! Number.isInteger( n ) || n < 0 ) {
		throw new Error( `mock directive ${ key } needs a non-negative integer, got "${ value ?? '' }"` );
	}
	return n;
}

/** Parses `status=503,retry_after=2` or `hang`. Throws on unknown keys so a typo fails loudly. */
export function parseDirective( spec: string ): Directive {
	const directive: Directive = {};
	for ( const part of spec.split( /[,;]/ ) ) {
		const trimmed = part.trim();
		if ( trimmed === '' ) {
			continue;
		}
		const eq = trimmed.indexOf( '=' );
		const key = ( eq === -1 ? trimmed : trimmed.slice( 0, eq ) ).trim().toLowerCase();
		const value = eq === -1 ? undefined : trimmed.slice( eq + 1 ).trim();
		switch ( key ) {
			case 'status': {
				const status = nonNegativeInt( key, value );
				if ( status < 400 || status > 599 ) {
					throw new Error( `mock directive status must be 4xx or 5xx, got ${ status }` );
				}
				directive.status = status;
				break;
			}
			case 'retry_after':
				directive.retryAfter = nonNegativeInt( key, value );
				break;
			case 'hang':
				directive.hang = value === undefined || value === 'true' || value === '1';
				break;
			case 'ttft':
				directive.ttftMs = nonNegativeInt( key, value );
				break;
			case 'chunks':
				directive.chunks = Math.max( 1, nonNegativeInt( key, value ) );
				break;
			case 'delay':
				directive.delayMs = nonNegativeInt( key, value );
				break;
			case 'drop_after':
				directive.dropAfter = nonNegativeInt( key, value );
				break;
			case 'stall_after':
				directive.stallAfter = nonNegativeInt( key, value );
				break;
			case 'reply':
				if ( ! isReplyKind( value ) ) {
					throw new Error( `mock directive reply must be one of ${ REPLY_KINDS.join( ', ' ) }, got "${ value ?? '' }"` );
				}
				directive.reply = value;
				break;
			case 'words':
				directive.words = Math.max( 1, nonNegativeInt( key, value ) );
				break;
			default:
				throw new Error( `unknown mock directive key "${ key }"` );
		}
	}
	return directive;
}

/** Every `[[mock:…]]` marker found in the given texts, merged left to right. */
export function directiveFromTexts( texts: readonly string[] ): Directive {
	let merged: Directive = {};
	for ( const text of texts ) {
		for ( const match of text.matchAll( MARKER ) ) {
			merged = { ...merged, ...parseDirective( match[ 1 ] ?? '' ) };
		}
	}
	return merged;
}

export function stripDirectives( text: string ): string {
	return text.replace( MARKER, '' ).replace( /\s{2,}/g, ' ' ).trim();
}

/** Removes the markers only, keeping line breaks: Markdown or HTML to be rewritten keeps its shape. */
export function removeMarkers( text: string ): string {
	return text.replace( / ?\[\[mock:[^\]]*\]\]/g, '' );
}

export function isEmptyDirective( directive: Directive ): boolean {
	return Object.keys( directive ).length === 0;
}

/** The queue filled by `POST /__mock/script`; each entry serves `times` matching requests. */
export class DirectiveQueue {
	private entries: ScriptEntry[] = [];

	add( entry: ScriptEntry ): void {
		this.entries.push( entry );
	}

	/** Takes one use of the first entry matching `path` (query already stripped). */
	take( path: string ): Directive | undefined {
		const index = this.entries.findIndex( ( entry ) => entry.path === undefined || samePath( entry.path, path ) );
		if ( index === -1 ) {
			return undefined;
		}
		const entry = this.entries[ index ]!;
		entry.times -= 1;
		if ( entry.times <= 0 ) {
			this.entries.splice( index, 1 );
		}
		return entry.directive;
	}

	list(): readonly ScriptEntry[] {
		return this.entries;
	}

	clear(): void {
		this.entries = [];
	}
}

function samePath( scripted: string, actual: string ): boolean {
	const clean = ( p: string ) => ( p.split( '?' )[ 0 ] ?? '' ).replace( /\/+$/, '' );
	const a = clean( scripted );
	const b = clean( actual );
	return a === b || `/api${ a }` === b || a === `/api${ b }`;
}
