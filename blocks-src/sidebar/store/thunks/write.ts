/**
 * Write: a draft streamed into the post as blocks.
 */
/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import type { BlockInstance } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { briefContext, readBrief } from '../../brief';
import {
	blockEditorDispatch,
	blockEditorSelect,
	insertionTarget,
} from '../../editor/block-editor';
import { BlockStreamWriter } from '../../editor/block-stream-writer';
import { modelTextToBlocks } from '../../markdown/markdown-to-blocks';
import { type Thunk, fail, postIdParam } from './thunk';

/**
 * The post's heading block with this text, if any.
 *
 * @param blocks Top-level blocks.
 * @param text   Heading text.
 */
function headingBlock(
	blocks: BlockInstance[],
	text: string
): BlockInstance | null {
	const wanted = text.trim().toLowerCase();
	const plain = ( html: unknown ) =>
		String( html ?? '' )
			.replace( /<[^>]*>/g, '' )
			.trim()
			.toLowerCase();
	return (
		blocks.find(
			( b ) =>
				b.name === 'core/heading' &&
				wanted !== '' &&
				plain( b.attributes.content ) === wanted
		) ?? null
	);
}

// How often a streamed draft updates the post (see BlockStreamWriter).
const WRITE_INTERVAL_MS = 100;

// The generation being streamed into the post (not state: it holds editor callbacks).
let activeWriter: BlockStreamWriter | null = null;

/**
 * Streams a draft into the post at the insertion point.
 *
 * @param section Index of the outline section to write, or null for the whole post.
 * @param prompt  The author's instructions.
 */
export const writeDraft =
	( section: number | null, prompt: string ) =>
	async ( { dispatch, registry }: Thunk ): Promise< void > => {
		const brief = readBrief();
		const context = briefContext( brief );
		const part =
			section === null
				? null
				: ( brief.outline?.sections[ section ] ?? null );
		if ( prompt.trim() === '' && context === '' ) {
			dispatch(
				fail(
					'writing',
					__(
						'Say what to write in Prompt, or make an outline in Plan first.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		const editor = blockEditorSelect();
		// A section whose heading is already in the post (Insert headings) is written below it.
		const heading = part
			? headingBlock( editor.getBlocks(), part.heading )
			: null;
		let ask: string;
		if ( part && heading ) {
			ask = `Write only the body of this section of the post; its heading is already in the post, do not repeat it.\nSection: ${ part.heading }`;
		} else if ( part ) {
			ask = `Write only this section of the post, starting with its heading as a "## " heading.\nSection: ${ part.heading }`;
		} else {
			ask = brief.outline
				? 'Write the whole post, section by section, following the outline.'
				: 'Write the post.';
		}
		const instructions = prompt.trim()
			? `The author's instructions: ${ prompt.trim() }`
			: '';
		const target = heading
			? {
					index: editor.getBlockIndex( heading.clientId ) + 1,
					rootClientId:
						editor.getBlockRootClientId( heading.clientId ) ||
						undefined,
				}
			: insertionTarget( editor );
		const writer = new BlockStreamWriter(
			editor,
			blockEditorDispatch(),
			target,
			modelTextToBlocks,
			undefined,
			( changes ) => registry.batch( changes ),
			WRITE_INTERVAL_MS
		);
		activeWriter = writer;
		dispatch( { type: 'SET_WRITTEN', clientIds: [] } );
		try {
			await dispatch.runTextTask(
				'writing',
				{
					task: 'writing',
					prompt: [ context, ask, instructions ]
						.filter( Boolean )
						.join( '\n\n' ),
					...postIdParam(),
				},
				( text ) => writer.push( text ),
				false
			);
		} finally {
			await writer.finish();
			if ( activeWriter === writer ) {
				activeWriter = null;
			}
			dispatch( { type: 'SET_WRITTEN', clientIds: writer.clientIds() } );
		}
	};

/** Removes the whole last generation from the post (stops it first if it is still running). */
export const discardWrite =
	() =>
	( { dispatch, select }: Thunk ): void => {
		dispatch.stopTask( 'writing' );
		if ( activeWriter ) {
			// Still streaming or still putting blocks in: the writer drops what waits, too.
			activeWriter.discard();
		} else {
			const editor = blockEditorSelect();
			const ids = select
				.getWrittenClientIds()
				.filter( ( id ) => !! editor.getBlock( id ) );
			if ( ids.length ) {
				blockEditorDispatch().removeBlocks( ids, false );
			}
		}
		dispatch( { type: 'SET_WRITTEN', clientIds: [] } );
		dispatch( { type: 'RUN_RESET', task: 'writing' } );
		speak(
			__(
				'The generated text was removed from the post.',
				'agentic-writer'
			)
		);
	};
