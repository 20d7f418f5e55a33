/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { updateBrief, type Outline } from '../../brief';
import { useBrief } from '../../hooks/use-brief';
import { store } from '../../store';
import RunStatus from '../RunStatus';
import TaskPrompt from '../TaskPrompt';

/**
 * An editable outline (rename, reorder, delete, add sections) kept with the post; "Insert
 * headings" puts it into the post.
 */
export default function PlanTask() {
	const brief = useBrief();
	const running = useSelect(
		( select ) => select( store ).isRunning( 'planning' ),
		[]
	);
	const { makeOutline, insertOutlineHeadings } = useDispatch( store );
	const [ text, setText ] = useState( brief.brief );
	const outline = brief.outline;

	const setSections = ( sections: Outline[ 'sections' ] ) =>
		updateBrief( {
			outline: {
				title: outline?.title ?? '',
				summary: outline?.summary ?? '',
				sections,
			},
		} );
	const move = ( from: number, to: number ) => {
		const sections = [ ...( outline?.sections ?? [] ) ];
		const [ moved ] = sections.splice( from, 1 );
		sections.splice( to, 0, moved! );
		setSections( sections );
	};
	const make = () => makeOutline( text );

	return (
		<div className="agentic-writer-task">
			<TaskPrompt
				label={ __( 'Brief', 'agentic-writer' ) }
				help={ __(
					'Your answers from Clarify are used too.',
					'agentic-writer'
				) }
				value={ text }
				onChange={ setText }
				action={ __( 'Make outline', 'agentic-writer' ) }
				onAction={ make }
				busy={ running }
			/>
			<RunStatus task="planning" onRetry={ make } />
			{ outline && (
				<fieldset className="agentic-writer-outline">
					<legend>
						{ outline.title || __( 'Outline', 'agentic-writer' ) }
					</legend>
					<ol>
						{ outline.sections.map( ( section, index ) => {
							const name = sprintf(
								/* translators: %d: section number */
								__( 'Section %d', 'agentic-writer' ),
								index + 1
							);
							return (
								<li key={ index }>
									<TextControl
										__nextHasNoMarginBottom
										__next40pxDefaultSize
										label={ name }
										value={ section.heading }
										onChange={ ( heading ) =>
											setSections(
												outline.sections.map(
													( s, i ) =>
														i === index
															? { ...s, heading }
															: s
												)
											)
										}
									/>
									{ section.points.length > 0 && (
										<ul className="agentic-writer-outline__points">
											{ section.points.map(
												( point, p ) => (
													<li key={ p }>{ point }</li>
												)
											) }
										</ul>
									) }
									<div className="agentic-writer-actions">
										<Button
											size="small"
											icon="arrow-up-alt2"
											label={ sprintf(
												/* translators: %s: section name, e.g. Section 2 */
												__(
													'Move %s up',
													'agentic-writer'
												),
												name
											) }
											disabled={ index === 0 }
											accessibleWhenDisabled
											onClick={ () =>
												move( index, index - 1 )
											}
										/>
										<Button
											size="small"
											icon="arrow-down-alt2"
											label={ sprintf(
												/* translators: %s: section name, e.g. Section 2 */
												__(
													'Move %s down',
													'agentic-writer'
												),
												name
											) }
											disabled={
												index ===
												outline.sections.length - 1
											}
											accessibleWhenDisabled
											onClick={ () =>
												move( index, index + 1 )
											}
										/>
										<Button
											size="small"
											icon="trash"
											isDestructive
											label={ sprintf(
												/* translators: %s: section name, e.g. Section 2 */
												__(
													'Remove %s',
													'agentic-writer'
												),
												name
											) }
											onClick={ () =>
												setSections(
													outline.sections.filter(
														( _, i ) => i !== index
													)
												)
											}
										/>
									</div>
								</li>
							);
						} ) }
					</ol>
					<div className="agentic-writer-actions">
						<Button
							variant="secondary"
							onClick={ () =>
								setSections( [
									...outline.sections,
									{ heading: '', points: [] },
								] )
							}
						>
							{ __( 'Add section', 'agentic-writer' ) }
						</Button>
						<Button
							variant="primary"
							onClick={ () => insertOutlineHeadings() }
						>
							{ __( 'Insert headings', 'agentic-writer' ) }
						</Button>
					</div>
				</fieldset>
			) }
		</div>
	);
}
