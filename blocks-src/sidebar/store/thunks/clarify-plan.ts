/**
 * Clarify and Plan: questions that sharpen the brief, and an outline, kept with the post.
 */
/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { createBlock } from '@wordpress/blocks';
import { escapeHTML } from '@wordpress/escape-html';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	briefContext,
	readBrief,
	updateBrief,
	type Outline,
	type Question,
} from '../../brief';
import {
	blockEditorDispatch,
	blockEditorSelect,
	insertionTarget,
} from '../../editor/block-editor';
import { type Thunk, fail, postIdParam, strings } from './thunk';

export const askQuestions =
	( brief: string ) =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		if ( brief.trim() === '' ) {
			dispatch(
				fail(
					'clarity',
					__(
						'Describe the post in Brief first: what it is about and for whom.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		updateBrief( { brief } );
		const out = await dispatch.runTextTask( 'clarity', {
			task: 'clarity',
			prompt: `Brief: ${ brief.trim() }`,
			...postIdParam(),
		} );
		const raw = out.structured?.questions;
		if ( out.outcome === 'done' && Array.isArray( raw ) ) {
			const questions: Question[] = raw.map(
				( q: Record< string, unknown > ) => ( {
					question: String( q.question ?? '' ),
					why: String( q.why ?? '' ),
					options: strings( q.options ),
				} )
			);
			updateBrief( { questions, answers: questions.map( () => '' ) } );
		}
	};

export const makeOutline =
	( brief: string ) =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		if ( brief.trim() === '' ) {
			dispatch(
				fail(
					'planning',
					__(
						'Describe the post in Brief first: what it is about and for whom.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		updateBrief( { brief } );
		const out = await dispatch.runTextTask( 'planning', {
			task: 'planning',
			prompt: `${ briefContext( { ...readBrief(), outline: null } ) }\n\nMake the outline of this post.`,
			...postIdParam(),
		} );
		const data = out.structured;
		if (
			out.outcome === 'done' &&
			data &&
			Array.isArray( data.sections )
		) {
			const outline: Outline = {
				title: String( data.title ?? '' ),
				summary: String( data.summary ?? '' ),
				sections: data.sections.map(
					( s: Record< string, unknown > ) => ( {
						heading: String( s.heading ?? '' ),
						points: strings( s.points ),
					} )
				),
			};
			updateBrief( { outline } );
		}
	};

/** The outline's headings into the post, as one undoable insertion. */
export const insertOutlineHeadings = () => (): void => {
	const outline = readBrief().outline;
	if ( ! outline?.sections.length ) {
		return;
	}
	const blocks = outline.sections
		.filter( ( s ) => s.heading.trim() !== '' )
		.map( ( s ) =>
			createBlock( 'core/heading', {
				level: 2,
				content: escapeHTML( s.heading ),
			} )
		);
	const target = insertionTarget( blockEditorSelect() );
	blockEditorDispatch().insertBlocks(
		blocks,
		target.index,
		target.rootClientId,
		false
	);
	speak(
		__( 'The outline headings were added to the post.', 'agentic-writer' )
	);
};
