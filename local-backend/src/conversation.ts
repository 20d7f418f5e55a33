/**
 * The Claude CLI takes one user message per turn, so a multi-turn conversation is flattened
 * into one prompt. The format is documented in README.md ("Multi-turn history") and pinned by
 * conversation.test.ts: change both together.
 */

export interface Turn {
	role: 'user' | 'assistant';
	text: string;
}

// Our own tags inside message text are defused so a message cannot close its turn early.
const OWN_TAGS = /<(\/?)(turn|conversation_history|assistant_prefill)\b/g;

function defuse( text: string ): string {
	return text.replace( OWN_TAGS, '&lt;$1$2' );
}

/** Adjacent turns of the same role become one, as the Messages API treats them. */
export function mergeTurns( turns: Turn[] ): Turn[] {
	const merged: Turn[] = [];
	for ( const turn of turns ) {
		const last = merged[ merged.length - 1 ];
		if ( last && last.role === turn.role ) {
			last.text = `${ last.text }\n\n${ turn.text }`;
		} else {
			merged.push( { ...turn } );
		}
	}
	return merged;
}

/**
 * One user turn: returned as it is. Otherwise earlier turns go into `<conversation_history>`,
 * the last user message follows as plain text, and a trailing assistant message (prefill)
 * becomes `<assistant_prefill>` with an instruction to continue it.
 */
export function flattenConversation( input: Turn[] ): string {
	const turns = mergeTurns( input );
	const last = turns[ turns.length - 1 ];
	const prefill = last?.role === 'assistant' ? turns.pop() : undefined;
	const current = turns[ turns.length - 1 ]?.role === 'user' ? turns.pop() : undefined;
	const parts: string[] = [];
	if ( turns.length > 0 ) {
		const body = turns.map( ( t ) => `<turn role="${ t.role }">\n${ defuse( t.text ) }\n</turn>` ).join( '\n' );
		parts.push( `<conversation_history>\n${ body }\n</conversation_history>` );
	}
	if ( current ) {
		parts.push( turns.length > 0 || prefill ? defuse( current.text ) : current.text );
	}
	if ( prefill ) {
		parts.push(
			`<assistant_prefill>\n${ defuse( prefill.text ) }\n</assistant_prefill>\nContinue your reply from exactly where assistant_prefill ends, without repeating any of it.`
		);
	}
	return parts.join( '\n\n' );
}
