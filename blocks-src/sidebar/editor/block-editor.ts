/**
 * WordPress dependencies
 */
import type { BlockInstance } from '@wordpress/blocks';
import { select, dispatch } from '@wordpress/data';

/**
 * The few block-editor selectors and actions the sidebar uses, typed in one place (the store's
 * own types are not installed: WordPress ships it as the `wp.blockEditor` global).
 */
export interface BlockEditorSelect {
	getBlocks: ( rootClientId?: string ) => BlockInstance[];
	getBlock: ( clientId: string ) => BlockInstance | null;
	getBlockCount: ( rootClientId?: string ) => number;
	getBlockIndex: ( clientId: string ) => number;
	getBlockRootClientId: ( clientId: string ) => string | null;
	getSelectedBlockClientId: () => string | null;
	getSelectedBlockClientIds: () => string[];
	getBlocksByClientId: (
		clientIds: string[]
	) => Array< BlockInstance | null >;
}

export interface BlockEditorDispatch {
	insertBlocks: (
		blocks: BlockInstance[],
		index?: number,
		rootClientId?: string,
		updateSelection?: boolean
	) => void;
	replaceBlocks: (
		clientIds: string | string[],
		blocks: BlockInstance[],
		indexToSelect?: number,
		initialPosition?: number | null
	) => void;
	removeBlocks: ( clientIds: string[], selectPrevious?: boolean ) => void;
	updateBlockAttributes: (
		clientId: string,
		attributes: Record< string, unknown >
	) => void;
	multiSelect: ( start: string, end: string ) => void;
	selectBlock: ( clientId: string ) => void;
	/** Marks the next change as one that does not start an undo level of its own. */
	__unstableMarkNextChangeAsNotPersistent: () => void;
}

export const BLOCK_EDITOR = 'core/block-editor';

export function blockEditorSelect(): BlockEditorSelect {
	return select( BLOCK_EDITOR ) as unknown as BlockEditorSelect;
}

export function blockEditorDispatch(): BlockEditorDispatch {
	return dispatch( BLOCK_EDITOR ) as unknown as BlockEditorDispatch;
}

export interface InsertionTarget {
	rootClientId?: string;
	index: number;
	/** An empty paragraph the author placed the cursor in: the answer replaces it. */
	replaceClientId?: string;
}

function isEmptyParagraph( block: BlockInstance | null ): boolean {
	return (
		!! block &&
		block.name === 'core/paragraph' &&
		String( block.attributes.content ?? '' ).trim() === ''
	);
}

/**
 * Where an answer goes: below the selected block (in its parent), in place of a selected empty
 * paragraph, or at the end of the post.
 *
 * @param editor Block editor selectors.
 */
export function insertionTarget( editor: BlockEditorSelect ): InsertionTarget {
	const selected = editor.getSelectedBlockClientId();
	if ( ! selected ) {
		return { index: editor.getBlockCount() };
	}
	const rootClientId = editor.getBlockRootClientId( selected ) || undefined;
	const index = editor.getBlockIndex( selected );
	if ( isEmptyParagraph( editor.getBlock( selected ) ) ) {
		return { rootClientId, index, replaceClientId: selected };
	}
	return { rootClientId, index: index + 1 };
}
