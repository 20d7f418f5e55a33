/**
 * WordPress dependencies
 */
import { Button, SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { RawHTML, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { blockEditorSelect } from '../../editor/block-editor';
import { safeHtml } from '../../markdown/safe-html';
import { store } from '../../store';
import MarkdownView from '../MarkdownView';
import RunStatus from '../RunStatus';
import TaskPrompt from '../TaskPrompt';

const PRESETS = [
	{
		label: __( 'Shorten', 'agentic-writer' ),
		instruction:
			'Shorten it: keep every point that matters, cut repetition and filler.',
	},
	{
		label: __( 'Expand', 'agentic-writer' ),
		instruction:
			'Expand it with substance: add the concrete details, examples or explanation a reader needs. No filler words.',
	},
	{
		label: __( 'Simplify', 'agentic-writer' ),
		instruction:
			'Simplify it: shorter sentences and plain words, same meaning.',
	},
	{
		label: __( 'Fix grammar', 'agentic-writer' ),
		instruction:
			'Fix grammar, spelling and punctuation only; change nothing else.',
	},
];
const TONES: Array< { value: string; label: string } > = [
	{ value: 'friendly', label: __( 'Friendly', 'agentic-writer' ) },
	{ value: 'professional', label: __( 'Professional', 'agentic-writer' ) },
	{ value: 'confident', label: __( 'Confident', 'agentic-writer' ) },
	{ value: 'casual', label: __( 'Casual', 'agentic-writer' ) },
	{ value: 'academic', label: __( 'Academic', 'agentic-writer' ) },
];

/**
 * Rewrites the selected blocks with their formatting kept; the rewrite is shown beside the
 * original until Replace (one undo restores the original) or Discard.
 */
export default function RefineTask() {
	const { run, rewrite, selectedCount } = useSelect(
		( select ) => ( {
			run: select( store ).getRun( 'refinement' ),
			rewrite: select( store ).getPendingRewrite(),
			selectedCount: (
				select( 'core/block-editor' ) as unknown as ReturnType<
					typeof blockEditorSelect
				>
			 ).getSelectedBlockClientIds().length,
		} ),
		[]
	);
	const { rewriteSelection, replaceWithRewrite, discardRewrite } =
		useDispatch( store );
	const [ instruction, setInstruction ] = useState( '' );
	const running = run.status === 'running';
	const run_ = ( text: string ) => {
		setInstruction( text );
		rewriteSelection( text );
	};

	return (
		<div className="agentic-writer-task">
			<p className="agentic-writer-selection">
				{ selectedCount > 0
					? sprintf(
							/* translators: %d: number of selected blocks */
							_n(
								'%d block selected in the post.',
								'%d blocks selected in the post.',
								selectedCount,
								'agentic-writer'
							),
							selectedCount
						)
					: __(
							'Select the block(s) to rewrite in the post.',
							'agentic-writer'
						) }
			</p>
			<div
				className="agentic-writer-options"
				role="group"
				aria-label={ __( 'Quick rewrites', 'agentic-writer' ) }
			>
				{ PRESETS.map( ( preset ) => (
					<Button
						key={ preset.label }
						size="small"
						variant="secondary"
						disabled={ running }
						accessibleWhenDisabled
						onClick={ () => run_( preset.instruction ) }
					>
						{ preset.label }
					</Button>
				) ) }
			</div>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Change tone', 'agentic-writer' ) }
				value=""
				onChange={ ( tone ) =>
					tone &&
					run_(
						`Change the tone to ${ tone }; keep the meaning and the facts.`
					)
				}
				options={ [
					{
						value: '',
						label: __( 'Choose a tone…', 'agentic-writer' ),
					},
					...TONES,
				] }
				disabled={ running }
			/>
			<TaskPrompt
				label={ __( 'Instruction', 'agentic-writer' ) }
				value={ instruction }
				onChange={ setInstruction }
				action={ __( 'Rewrite', 'agentic-writer' ) }
				onAction={ () => rewriteSelection( instruction ) }
				busy={ running }
			/>
			<RunStatus
				task="refinement"
				onRetry={ () => rewriteSelection( instruction ) }
			>
				{ rewrite && run.text && (
					<div className="agentic-writer-compare">
						<section
							aria-label={ __( 'Original', 'agentic-writer' ) }
						>
							<h3>{ __( 'Original', 'agentic-writer' ) }</h3>
							<RawHTML>
								{ safeHtml( rewrite.originalHtml ) }
							</RawHTML>
						</section>
						<section
							aria-label={ __( 'Rewrite', 'agentic-writer' ) }
						>
							<h3>{ __( 'Rewrite', 'agentic-writer' ) }</h3>
							<MarkdownView text={ run.text } />
						</section>
					</div>
				) }
			</RunStatus>
			{ rewrite && run.text && ! running && (
				<div className="agentic-writer-actions">
					<Button
						variant="primary"
						onClick={ () => replaceWithRewrite() }
					>
						{ __( 'Replace', 'agentic-writer' ) }
					</Button>
					<Button
						variant="secondary"
						onClick={ () => discardRewrite() }
					>
						{ __( 'Discard', 'agentic-writer' ) }
					</Button>
				</div>
			) }
		</div>
	);
}
