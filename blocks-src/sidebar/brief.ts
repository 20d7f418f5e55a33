/**
 * WordPress dependencies
 */
import { dispatch, select } from '@wordpress/data';

/**
 * What Clarify and Plan learn, kept with the post (post meta `_agentic_writer_brief`, saved with
 * the post) so it feeds Plan and Write after a reload too.
 */
export const BRIEF_META = '_agentic_writer_brief';

export interface Question {
	question: string;
	why: string;
	options: string[];
}

export interface OutlineSection {
	heading: string;
	points: string[];
}

export interface Outline {
	title: string;
	summary: string;
	sections: OutlineSection[];
}

export interface Brief {
	brief: string;
	questions: Question[];
	answers: string[];
	outline: Outline | null;
}

export const EMPTY_BRIEF: Brief = {
	brief: '',
	questions: [],
	answers: [],
	outline: null,
};

interface EditorSelect {
	getEditedPostAttribute: (
		name: 'meta'
	) => Record< string, unknown > | undefined;
	getCurrentPostId: () => number | null;
}

// Meta edited in the browser is not schema-checked: a junk entry must not break Clarify or Write.
function asQuestion( value: unknown ): Question {
	const q = (
		value && typeof value === 'object' ? value : {}
	) as Partial< Question >;
	return {
		question: String( q.question ?? '' ),
		why: String( q.why ?? '' ),
		options: Array.isArray( q.options ) ? q.options.map( String ) : [],
	};
}

export function asBrief( value: unknown ): Brief {
	if ( ! value || typeof value !== 'object' ) {
		return EMPTY_BRIEF;
	}
	const v = value as Partial< Brief > & {
		outline?: Partial< Outline > | null;
	};
	const outline =
		v.outline &&
		Array.isArray( v.outline.sections ) &&
		v.outline.sections.length
			? {
					title: String( v.outline.title ?? '' ),
					summary: String( v.outline.summary ?? '' ),
					sections: v.outline.sections.map( ( s ) => ( {
						heading: String( s?.heading ?? '' ),
						points: Array.isArray( s?.points )
							? s.points.map( String )
							: [],
					} ) ),
				}
			: null;
	return {
		brief: typeof v.brief === 'string' ? v.brief : '',
		questions: Array.isArray( v.questions )
			? v.questions.map( asQuestion )
			: [],
		answers: Array.isArray( v.answers ) ? v.answers.map( String ) : [],
		outline,
	};
}

/** The post's brief as the editor holds it now (saved or not). */
export function readBrief(): Brief {
	const editor = select( 'core/editor' ) as unknown as EditorSelect;
	return asBrief( editor.getEditedPostAttribute( 'meta' )?.[ BRIEF_META ] );
}

/** The post being edited (0 before WordPress created its draft). */
export function currentPostId(): number {
	const editor = select( 'core/editor' ) as unknown as EditorSelect;
	return Number( editor.getCurrentPostId() ) || 0;
}

/**
 * Changes part of the brief; saved with the post.
 *
 * @param patch Fields to change.
 */
export function updateBrief( patch: Partial< Brief > ): void {
	const next = { ...readBrief(), ...patch };
	(
		dispatch( 'core/editor' ) as unknown as {
			editPost: ( edits: Record< string, unknown > ) => void;
		}
	 ).editPost( {
		meta: {
			[ BRIEF_META ]: {
				...next,
				outline: next.outline ?? {
					title: '',
					summary: '',
					sections: [],
				},
			},
		},
	} );
}

/**
 * The brief, the author's answers and the outline as context for Plan and Write.
 *
 * @param brief The post's brief.
 */
export function briefContext( brief: Brief ): string {
	const parts: string[] = [];
	if ( brief.brief.trim() ) {
		parts.push( `Brief: ${ brief.brief.trim() }` );
	}
	const answered = brief.questions
		.map( ( q, i ) => ( {
			q: q.question,
			a: ( brief.answers[ i ] ?? '' ).trim(),
		} ) )
		.filter( ( qa ) => qa.a !== '' );
	if ( answered.length ) {
		parts.push(
			"The author's answers:\n" +
				answered.map( ( qa ) => `- ${ qa.q } ${ qa.a }` ).join( '\n' )
		);
	}
	if ( brief.outline?.sections.length ) {
		parts.push(
			`Outline${ brief.outline.title ? ` of "${ brief.outline.title }"` : '' }:\n` +
				brief.outline.sections
					.map(
						( s, i ) =>
							`${ i + 1 }. ${ s.heading }${
								s.points.length
									? ` — ${ s.points.join( '; ' ) }`
									: ''
							}`
					)
					.join( '\n' )
		);
	}
	return parts.join( '\n\n' );
}
