/**
 * Chat: a conversation about the post, kept on the site.
 */
/**
 * WordPress dependencies
 */
import { speak } from '@wordpress/a11y';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { appendChat, clearChat } from '../../api/editor-api';
import { currentPostId } from '../../brief';
import type { ChatMessage } from '../types';
import { type Thunk, postIdParam } from './thunk';

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
