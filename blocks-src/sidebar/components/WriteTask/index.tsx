/**
 * WordPress dependencies
 */
import { Button, SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useBrief } from '../../hooks/use-brief';
import { store } from '../../store';
import RunStatus from '../RunStatus';
import TaskPrompt from '../TaskPrompt';

const WHOLE = 'whole';

/**
 * The whole draft or one section of the outline, streamed into the post as blocks below the
 * selected block; Discard (or one undo) removes the whole generation.
 */
export default function WriteTask() {
	const brief = useBrief();
	const { run, written } = useSelect(
		( select ) => ( {
			run: select( store ).getRun( 'writing' ),
			written: select( store ).getWrittenClientIds(),
		} ),
		[]
	);
	const { writeDraft, discardWrite } = useDispatch( store );
	const [ prompt, setPrompt ] = useState( '' );
	const [ part, setPart ] = useState( WHOLE );
	const sections = brief.outline?.sections ?? [];
	const running = run.status === 'running';
	const write = () =>
		writeDraft( part === WHOLE ? null : Number( part ), prompt );

	return (
		<div className="agentic-writer-task">
			{ sections.length > 0 && (
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Part', 'agentic-writer' ) }
					value={ part }
					onChange={ setPart }
					options={ [
						{
							value: WHOLE,
							label: __( 'The whole post', 'agentic-writer' ),
						},
						...sections.map( ( s, i ) => ( {
							value: String( i ),
							label: s.heading || `#${ i + 1 }`,
						} ) ),
					] }
				/>
			) }
			<TaskPrompt
				label={ __( 'Prompt', 'agentic-writer' ) }
				help={ __(
					'The text appears below the selected block, or at the end of the post.',
					'agentic-writer'
				) }
				value={ prompt }
				onChange={ setPrompt }
				rows={ 4 }
				action={ __( 'Write', 'agentic-writer' ) }
				onAction={ write }
				busy={ running }
			>
				{ ( running || written.length > 0 ) && (
					<Button
						variant="secondary"
						isDestructive
						onClick={ () => discardWrite() }
					>
						{ __( 'Discard', 'agentic-writer' ) }
					</Button>
				) }
			</TaskPrompt>
			<RunStatus task="writing" onRetry={ write } />
		</div>
	);
}
