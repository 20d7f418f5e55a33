/**
 * WordPress dependencies
 */
import type { BlockInstance } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { MarkdownStreamSplitter } from '../markdown/stream-splitter';
import type {
	BlockEditorDispatch,
	BlockEditorSelect,
	InsertionTarget,
} from './block-editor';

// Finished blocks converted and put in per frame.
const BLOCKS_PER_FRAME = 1;

type Schedule = ( flush: () => void ) => void;

// Blocks whose whole content is attributes: a growing tail of these is updated in place.
const UPDATABLE = new Set( [ 'core/paragraph', 'core/heading', 'core/code' ] );

/**
 * Streams a Markdown answer into the post as real blocks.
 *
 * Finished blocks are converted once; only the unfinished tail is re-parsed, at most once a
 * frame. The first change is an ordinary (persistent) edit and every later one is marked
 * not persistent, so the block editor folds the whole generation into one undo level.
 */
export class BlockStreamWriter {
	private readonly splitter = new MarkdownStreamSplitter();
	private pending = '';
	private scheduled = false;
	private started = false;
	private committedIds: string[] = [];
	private tailIds: string[] = [];

	constructor(
		private readonly select: BlockEditorSelect,
		private readonly dispatch: BlockEditorDispatch,
		private readonly target: InsertionTarget,
		private readonly toBlocks: ( markdown: string ) => BlockInstance[],
		private readonly schedule: Schedule = ( flush ) =>
			window.setTimeout( flush, 16 ),
		// The registry's batch(): the editor hears about all of a frame's changes once.
		private readonly batch: ( changes: () => void ) => void = ( changes ) =>
			changes(),
		// Each change makes every block of the editor re-check its state: with a long post,
		// updating every frame starves the main thread, a few times a second reads as live.
		private readonly minIntervalMs = 0
	) {}

	private lastFlush = 0;
	// Finished blocks not yet in the post (converted one a frame).
	private queue: string[] = [];

	/**
	 * Adds streamed text; the post is updated on the next frame.
	 *
	 * @param text Delta.
	 */
	push( text: string ): void {
		this.pending += text;
		// The first words go into the post at once: the author sees the answer start.
		if ( ! this.started ) {
			this.flush( false );
			return;
		}
		if ( ! this.scheduled ) {
			this.scheduled = true;
			this.schedule( this.onFrame );
		}
	}

	private readonly onFrame = (): void => {
		// Finished blocks waiting are put in on every frame, so no backlog builds up.
		if (
			this.queue.length === 0 &&
			performance.now() - this.lastFlush < this.minIntervalMs
		) {
			this.schedule( this.onFrame );
			return;
		}
		this.scheduled = false;
		this.flush( false );
		if ( this.queue.length > 0 && ! this.scheduled ) {
			this.scheduled = true;
			this.schedule( this.onFrame );
		}
	};

	/**
	 * The stream ended (done, error or Stop): what arrived becomes final blocks — a few a frame
	 * when many are still waiting, so the end of a long stream is no long task either.
	 *
	 * @return Resolves once everything is in the post.
	 */
	finish(): Promise< void > {
		const { pieces } = this.splitter.push( this.pending );
		this.pending = '';
		const rest = this.splitter.finish();
		this.queue.push( ...pieces, ...( rest.trim() ? [ rest ] : [] ) );
		return new Promise( ( resolve ) => {
			const step = () => {
				if ( this.queue.length > BLOCKS_PER_FRAME ) {
					this.flush( false );
					this.schedule( step );
					return;
				}
				this.flush( true );
				resolve();
			};
			step();
		} );
	}

	/**
	 * Client ids of every block this generation put in the post and that is still there.
	 */
	clientIds(): string[] {
		return [ ...this.committedIds, ...this.tailIds ].filter(
			( id ) => !! this.select.getBlock( id )
		);
	}

	/**
	 * Removes the whole generation (an undoable edit of its own).
	 */
	discard(): void {
		this.pending = '';
		this.queue = [];
		// Drop the unfinished tail too, so a frame still scheduled does not put it back.
		this.splitter.finish();
		const ids = this.clientIds();
		if ( ids.length ) {
			this.dispatch.removeBlocks( ids, false );
		}
		this.committedIds = [];
		this.tailIds = [];
	}

	private flush( final: boolean ): void {
		this.lastFlush = performance.now();
		this.batch( () => this.apply( final ) );
	}

	private apply( final: boolean ): void {
		const { pieces, tail: open } = this.splitter.push( this.pending );
		this.pending = '';
		this.queue.push( ...pieces );
		let committedText: string;
		let tail: string;
		if ( final ) {
			// finish() returns the open tail itself (and empties it).
			committedText = this.queue.splice( 0 ).join( '' );
			tail = this.splitter.finish();
		} else {
			// A few finished blocks a frame: a burst of them never becomes one long task.
			committedText = this.queue.splice( 0, BLOCKS_PER_FRAME ).join( '' );
			tail = this.queue.length ? '' : open;
		}
		const committed = committedText ? this.toBlocks( committedText ) : [];
		const tailBlocks = tail.trim() === '' ? [] : this.toBlocks( tail );
		const liveTail = this.tailIds.filter(
			( id ) => !! this.select.getBlock( id )
		);

		if (
			committed.length === 0 &&
			this.updateInPlace( liveTail, tailBlocks )
		) {
			if ( final ) {
				this.committedIds.push( ...liveTail );
				this.tailIds = [];
			}
			return;
		}
		const blocks = [ ...committed, ...tailBlocks ];
		if ( blocks.length === 0 && liveTail.length === 0 ) {
			return;
		}
		if ( ! this.started ) {
			this.started = true;
			if ( this.target.replaceClientId ) {
				this.dispatch.replaceBlocks(
					this.target.replaceClientId,
					blocks
				);
			} else {
				this.dispatch.insertBlocks(
					blocks,
					this.target.index,
					this.target.rootClientId,
					false
				);
			}
		} else {
			this.dispatch.__unstableMarkNextChangeAsNotPersistent();
			if ( liveTail.length ) {
				this.dispatch.replaceBlocks( liveTail, blocks );
			} else {
				const { index, rootClientId } = this.after();
				this.dispatch.insertBlocks(
					blocks,
					index,
					rootClientId,
					false
				);
			}
		}
		const tailIds = tailBlocks.map( ( b ) => b.clientId );
		this.committedIds.push(
			...committed.map( ( b ) => b.clientId ),
			...( final ? tailIds : [] )
		);
		this.tailIds = final ? [] : tailIds;
	}

	/**
	 * A one-block tail of the same kind as before: update its attributes, no remount.
	 * @param liveTail   The tail blocks still in the post.
	 * @param tailBlocks The tail, parsed again.
	 */
	private updateInPlace(
		liveTail: string[],
		tailBlocks: BlockInstance[]
	): boolean {
		const next = tailBlocks[ 0 ];
		const current =
			liveTail.length === 1
				? this.select.getBlock( liveTail[ 0 ]! )
				: null;
		if (
			! next ||
			! current ||
			tailBlocks.length !== 1 ||
			next.name !== current.name ||
			! UPDATABLE.has( next.name ) ||
			next.innerBlocks.length > 0
		) {
			return false;
		}
		this.dispatch.__unstableMarkNextChangeAsNotPersistent();
		this.dispatch.updateBlockAttributes(
			current.clientId,
			next.attributes
		);
		return true;
	}

	/** Just below the last block this generation committed (the author may have moved things). */
	private after(): { index: number; rootClientId?: string } {
		const last = [ ...this.committedIds ]
			.reverse()
			.find( ( id ) => !! this.select.getBlock( id ) );
		if ( ! last ) {
			return {
				index: this.target.index,
				rootClientId: this.target.rootClientId,
			};
		}
		return {
			index: this.select.getBlockIndex( last ) + 1,
			rootClientId: this.select.getBlockRootClientId( last ) || undefined,
		};
	}
}
