/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { currentPostId } from '../../brief';
import { store } from '../../store';
import AnswerMeta from '../AnswerMeta';
import MarkdownView from '../MarkdownView';
import RunStatus from '../RunStatus';
import TaskPrompt from '../TaskPrompt';

/**
 * A conversation about the post, kept on the site per post and per author.
 */
export default function ChatTask() {
	const postId = currentPostId();
	const { messages, error, run } = useSelect(
		( select ) => ( {
			messages: select( store ).getChat( postId ),
			error: select( store ).getChatError(),
			run: select( store ).getRun( 'chat' ),
		} ),
		[ postId ]
	);
	const { sendChat, clearChatHistory } = useDispatch( store );
	const [ message, setMessage ] = useState( '' );
	const running = run.status === 'running';
	const list = useRef< HTMLOListElement >( null );
	const count = messages?.length ?? null;
	const previous = useRef< number | null >( null );
	// A new answer (not the history loading): move focus to it, as the other tasks do with results.
	useEffect( () => {
		const last = list.current?.lastElementChild as
			HTMLElement | null | undefined;
		if (
			count !== null &&
			previous.current !== null &&
			count > previous.current &&
			! running
		) {
			last?.focus();
		}
		if ( count !== null ) {
			previous.current = count;
		}
	}, [ count, running ] );

	const send = async () => {
		const text = message.trim();
		if ( ! text ) {
			return;
		}
		setMessage( '' );
		if ( ! ( await sendChat( text ) ) ) {
			setMessage( text );
		}
	};

	return (
		<div className="agentic-writer-task">
			<ol
				ref={ list }
				className="agentic-writer-chat"
				aria-label={ __( 'Conversation', 'agentic-writer' ) }
			>
				{ ( messages ?? [] ).map( ( m, index ) => (
					<li
						key={ index }
						className={ `agentic-writer-chat__message is-${ m.role }` }
						tabIndex={ -1 }
					>
						<span className="screen-reader-text">
							{ m.role === 'user'
								? __( 'You:', 'agentic-writer' )
								: __( 'AI:', 'agentic-writer' ) }
						</span>
						{ m.role === 'assistant' ? (
							<MarkdownView text={ m.content } />
						) : (
							<p>{ m.content }</p>
						) }
						{ m.meta && (
							<AnswerMeta
								provider={ m.meta.provider }
								model={ m.meta.model }
								usage={ m.meta }
							/>
						) }
					</li>
				) ) }
				{ running && run.text && (
					<li className="agentic-writer-chat__message is-assistant">
						<MarkdownView text={ run.text } />
					</li>
				) }
			</ol>
			{ error && (
				<Notice status="warning" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			<RunStatus task="chat" onRetry={ send } showMeta={ false } />
			<TaskPrompt
				label={ __( 'Message', 'agentic-writer' ) }
				help={ __(
					'Ask about this post: ideas, structure, facts to check. Ctrl+Enter sends.',
					'agentic-writer'
				) }
				value={ message }
				onChange={ setMessage }
				action={ __( 'Send', 'agentic-writer' ) }
				onAction={ send }
				busy={ running }
			>
				{ !! messages?.length && (
					<Button
						variant="tertiary"
						isDestructive
						onClick={ () => clearChatHistory() }
						disabled={ running }
					>
						{ __( 'Delete conversation', 'agentic-writer' ) }
					</Button>
				) }
			</TaskPrompt>
		</div>
	);
}
