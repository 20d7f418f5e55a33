/**
 * Refine: the selected blocks rewritten, shown beside the original until Replace or Discard.
 */
/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { serialize, type BlockInstance } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	blockEditorDispatch,
	blockEditorSelect,
} from '../../editor/block-editor';
import { modelTextToBlocks } from '../../markdown/markdown-to-blocks';
import { type Thunk, fail, postIdParam } from './thunk';

/**
 * The blocks' own HTML (inline formatting kept), without block comment delimiters.
 * @param blocks The selected blocks.
 */
export function blocksToHtml( blocks: BlockInstance[] ): string {
	return serialize( blocks )
		.replace( /<!--\s*\/?wp:[\s\S]*?-->\n?/g, '' )
		.trim();
}

export const rewriteSelection =
	( instruction: string ) =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		const editor = blockEditorSelect();
		const ids = editor.getSelectedBlockClientIds();
		if ( ids.length === 0 ) {
			dispatch(
				fail(
					'refinement',
					__(
						'Select the block(s) to rewrite in the post first.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		if ( instruction.trim() === '' ) {
			dispatch(
				fail(
					'refinement',
					__(
						'Choose what to do with the selection, or write an instruction.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		const blocks = editor
			.getBlocksByClientId( ids )
			.filter( ( b ): b is BlockInstance => !! b );
		const html = blocksToHtml( blocks );
		dispatch( {
			type: 'SET_REWRITE',
			rewrite: { clientIds: ids, originalHtml: html },
		} );
		await dispatch.runTextTask( 'refinement', {
			task: 'refinement',
			prompt: instruction.trim(),
			selection: html,
			...postIdParam(),
		} );
	};

/** The rewrite replaces the original blocks: one edit, so one undo restores them. */
export const replaceWithRewrite =
	() =>
	( { dispatch, select }: Thunk ): void => {
		const rewrite = select.getPendingRewrite();
		const text = select.getRun( 'refinement' ).text;
		const editor = blockEditorSelect();
		const live = ( rewrite?.clientIds ?? [] ).filter(
			( id ) => !! editor.getBlock( id )
		);
		if ( ! rewrite || live.length === 0 ) {
			dispatch(
				fail(
					'refinement',
					__(
						'The original blocks are no longer in the post; select blocks and rewrite again.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		const blocks = modelTextToBlocks( text );
		if ( blocks.length === 0 ) {
			dispatch(
				fail(
					'refinement',
					__(
						'The rewrite is empty; nothing was replaced.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		blockEditorDispatch().replaceBlocks( live, blocks );
		dispatch( { type: 'SET_REWRITE', rewrite: null } );
		dispatch( { type: 'RUN_RESET', task: 'refinement' } );
		speak(
			__( 'Replaced. Undo restores the original.', 'agentic-writer' )
		);
	};

export const discardRewrite =
	() =>
	( { dispatch }: Thunk ): void => {
		dispatch.stopTask( 'refinement' );
		dispatch( { type: 'SET_REWRITE', rewrite: null } );
		dispatch( { type: 'RUN_RESET', task: 'refinement' } );
	};
