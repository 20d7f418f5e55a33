/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { createBlock, serialize, type BlockInstance } from '@wordpress/blocks';
import { dispatch as dataDispatch } from '@wordpress/data';
import { escapeHTML } from '@wordpress/escape-html';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { appendChat, clearChat, generateImage } from '../api/editor-api';
import {
	briefContext,
	currentPostId,
	readBrief,
	updateBrief,
	type Outline,
	type Question,
} from '../brief';
import {
	blockEditorDispatch,
	blockEditorSelect,
	insertionTarget,
} from '../editor/block-editor';
import { BlockStreamWriter } from '../editor/block-stream-writer';
import { modelTextToBlocks } from '../markdown/markdown-to-blocks';
import type { GenerateBody, TextTask } from '../stream/generate-stream';
import type { Action } from './reducer';
import type {
	ChatMessage,
	ImageAnswer,
	PendingRewrite,
	RunState,
	TaskName,
} from './types';

/** The store's own actions and selectors as a thunk sees them. */
interface Thunk {
	dispatch: ( ( action: Action ) => void ) & {
		runTextTask: (
			task: TextTask,
			body: GenerateBody,
			onText?: ( text: string ) => void,
			keepText?: boolean
		) => Promise< {
			outcome: 'done' | 'error' | 'stopped';
			text: string;
			usage: import( '../stream/events' ).Usage | null;
			provider: string;
			model: string;
			structured: Record< string, unknown > | null;
		} >;
		stopTask: ( task: TaskName ) => void;
		refreshTaskRoutes: () => void;
	};
	registry: { batch: ( changes: () => void ) => void };
	select: {
		getChat: ( postId: number ) => ChatMessage[] | null;
		getRun: ( task: TaskName ) => RunState;
		getPendingRewrite: () => PendingRewrite | null;
		getWrittenClientIds: () => string[];
	};
}

const fail = ( task: TaskName, message: string ): Action => ( {
	type: 'RUN_ERROR',
	task,
	error: { code: 'agentic_writer_invalid_input', message, retryable: false },
} );

function postIdParam(): { post_id?: number } {
	const id = currentPostId();
	return id > 0 ? { post_id: id } : {};
}

function strings( value: unknown ): string[] {
	return Array.isArray( value )
		? value.filter( ( v ) => typeof v === 'string' )
		: [];
}

/**
 * The blocks' own HTML (inline formatting kept), without block comment delimiters.
 * @param blocks
 */
export function blocksToHtml( blocks: BlockInstance[] ): string {
	return serialize( blocks )
		.replace( /<!--\s*\/?wp:[\s\S]*?-->\n?/g, '' )
		.trim();
}

// ---- Chat ------------------------------------------------------------------------------------

export const sendChat =
	( message: string ) =>
	async ( { dispatch, select }: Thunk ): Promise< boolean > => {
		const postId = currentPostId();
		const history = select.getChat( postId ) ?? [];
		const question: ChatMessage = { role: 'user', content: message };
		dispatch( {
			type: 'RECEIVE_CHAT',
			messages: [ ...history, question ],
		} );
		const out = await dispatch.runTextTask( 'chat', {
			task: 'chat',
			prompt: message,
			messages: history
				.slice( -20 )
				.map( ( { role, content } ) => ( { role, content } ) ),
			...postIdParam(),
		} );
		if ( out.text === '' ) {
			// Nothing came back: the question stays in the box for a retry, not in the history.
			dispatch( { type: 'RECEIVE_CHAT', messages: history } );
			return false;
		}
		const answer: ChatMessage = {
			role: 'assistant',
			content: out.text,
			...( out.usage
				? {
						meta: {
							provider: out.provider,
							model: out.model,
							...out.usage,
						},
					}
				: {} ),
		};
		const local = [ ...history, question, answer ];
		dispatch( { type: 'RECEIVE_CHAT', messages: local } );
		if ( postId > 0 ) {
			try {
				dispatch( {
					type: 'RECEIVE_CHAT',
					messages: await appendChat( postId, [ question, answer ] ),
				} );
			} catch ( error ) {
				dispatch( {
					type: 'CHAT_ERROR',
					message: sprintf(
						/* translators: %s: the site's error message */
						__(
							'This exchange could not be saved on the site (%s); it stays here until you reload.',
							'agentic-writer'
						),
						( error as { message?: string } ).message ??
							String( error )
					),
				} );
			}
		}
		return true;
	};

export const clearChatHistory =
	() =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		const postId = currentPostId();
		try {
			if ( postId > 0 ) {
				await clearChat( postId );
			}
			dispatch( { type: 'RECEIVE_CHAT', messages: [] } );
			dispatch( { type: 'RUN_RESET', task: 'chat' } );
			speak( __( 'Conversation deleted.', 'agentic-writer' ) );
		} catch ( error ) {
			dispatch( {
				type: 'CHAT_ERROR',
				message: ( error as Error ).message,
			} );
		}
	};

// ---- Clarify and Plan --------------------------------------------------------------------------

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

// ---- Write -------------------------------------------------------------------------------------

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

// ---- Refine ------------------------------------------------------------------------------------

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

// ---- Image -------------------------------------------------------------------------------------

export const makeImage =
	( prompt: string, aspectRatio: string, featured: boolean ) =>
	async ( { dispatch }: Thunk ): Promise< void > => {
		if ( prompt.trim() === '' ) {
			dispatch(
				fail(
					'image',
					__(
						'Describe the image in Image prompt first.',
						'agentic-writer'
					)
				)
			);
			return;
		}
		dispatch( { type: 'RUN_START', task: 'image' } );
		dispatch( { type: 'SET_IMAGE', image: null } );
		speak( __( 'Generating the image…', 'agentic-writer' ) );
		try {
			const body = await generateImage( {
				prompt: prompt.trim(),
				aspect_ratio: aspectRatio,
				featured,
				...postIdParam(),
			} );
			const info = {
				requestId: body.request_id,
				provider: body.provider,
				model: body.model,
				usage: body.usage,
				fallbacks: body.fallbacks,
			};
			const caption =
				body.caption ?? __( 'AI-generated image', 'agentic-writer' );
			if ( featured ) {
				(
					dataDispatch( 'core/editor' ) as unknown as {
						editPost: ( e: Record< string, unknown > ) => void;
					}
				 ).editPost( {
					featured_media: body.attachment_id,
				} );
			} else {
				const target = insertionTarget( blockEditorSelect() );
				const block = createBlock( 'core/image', {
					id: body.attachment_id,
					url: body.url,
					alt: body.alt,
					caption: escapeHTML( caption ),
					sizeSlug: 'full',
				} );
				if ( target.replaceClientId ) {
					blockEditorDispatch().replaceBlocks(
						target.replaceClientId,
						[ block ]
					);
				} else {
					blockEditorDispatch().insertBlocks(
						[ block ],
						target.index,
						target.rootClientId,
						false
					);
				}
			}
			const image: ImageAnswer = {
				attachmentId: body.attachment_id,
				url: body.url,
				alt: body.alt,
				featured,
				info,
			};
			dispatch( { type: 'SET_IMAGE', image } );
			dispatch( { type: 'RUN_INFO', task: 'image', info } );
			dispatch( { type: 'ADD_USAGE', usage: body.usage } );
			if ( body.fallbacks.length ) {
				dispatch.refreshTaskRoutes();
			}
			dispatch( {
				type: 'RUN_DONE',
				task: 'image',
				structured: null,
				structuredError: null,
			} );
			speak(
				featured
					? __(
							'The image is now the featured image.',
							'agentic-writer'
						)
					: __( 'The image was added to the post.', 'agentic-writer' )
			);
		} catch ( error ) {
			const e = error as { message?: string; code?: string };
			const message =
				e.message ||
				__( 'The image could not be generated.', 'agentic-writer' );
			dispatch( {
				type: 'RUN_ERROR',
				task: 'image',
				error: {
					code: e.code ?? 'fetch_error',
					message,
					retryable: true,
				},
			} );
			speak( message, 'assertive' );
			dispatch.refreshTaskRoutes();
		}
	};
