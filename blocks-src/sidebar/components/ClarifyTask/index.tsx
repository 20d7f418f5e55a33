/**
 * WordPress dependencies
 */
import { Button, TextareaControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { updateBrief } from '../../brief';
import { useBrief } from '../../hooks/use-brief';
import { store } from '../../store';
import RunStatus from '../RunStatus';
import TaskPrompt from '../TaskPrompt';

/**
 * From a brief, the questions that sharpen it, with suggested answers; the answers are kept with
 * the post and feed Plan and Write.
 */
export default function ClarifyTask() {
	const brief = useBrief();
	const running = useSelect(
		( select ) => select( store ).isRunning( 'clarity' ),
		[]
	);
	const { askQuestions } = useDispatch( store );
	const [ text, setText ] = useState( brief.brief );

	const setAnswer = ( index: number, value: string ) => {
		const answers = brief.questions.map( ( _, i ) =>
			i === index ? value : ( brief.answers[ i ] ?? '' )
		);
		updateBrief( { answers } );
	};
	const ask = () => askQuestions( text );

	return (
		<div className="agentic-writer-task">
			<TaskPrompt
				label={ __( 'Brief', 'agentic-writer' ) }
				help={ __(
					'What the post is about, for whom, and what it should achieve.',
					'agentic-writer'
				) }
				value={ text }
				onChange={ setText }
				rows={ 4 }
				action={ __( 'Ask questions', 'agentic-writer' ) }
				onAction={ ask }
				busy={ running }
			/>
			<RunStatus task="clarity" onRetry={ ask } />
			{ brief.questions.length > 0 && (
				<fieldset className="agentic-writer-questions">
					<legend>{ __( 'Questions', 'agentic-writer' ) }</legend>
					{ brief.questions.map( ( q, index ) => (
						<div key={ index } className="agentic-writer-question">
							<TextareaControl
								__nextHasNoMarginBottom
								label={ q.question }
								help={ q.why }
								value={ brief.answers[ index ] ?? '' }
								onChange={ ( value ) =>
									setAnswer( index, value )
								}
								rows={ 2 }
							/>
							{ q.options.length > 0 && (
								<div
									className="agentic-writer-options"
									role="group"
									aria-label={ __(
										'Suggested answers',
										'agentic-writer'
									) }
								>
									{ q.options.map( ( option ) => (
										<Button
											key={ option }
											size="small"
											variant="secondary"
											isPressed={
												brief.answers[ index ] ===
												option
											}
											onClick={ () =>
												setAnswer( index, option )
											}
										>
											{ option }
										</Button>
									) ) }
								</div>
							) }
						</div>
					) ) }
				</fieldset>
			) }
		</div>
	);
}
