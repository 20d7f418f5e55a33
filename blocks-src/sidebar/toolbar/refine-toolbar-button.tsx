/**
 * WordPress dependencies
 */
import { BlockControls } from '@wordpress/block-editor';
import { ToolbarButton, ToolbarGroup } from '@wordpress/components';
import { createHigherOrderComponent } from '@wordpress/compose';
import { dispatch } from '@wordpress/data';
import { addFilter } from '@wordpress/hooks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';

const REFINABLE = new Set( [
	'core/paragraph',
	'core/heading',
	'core/list',
	'core/quote',
] );

type EditProps = { name: string; isSelected: boolean; clientId: string };

/**
 * Opens the sidebar on Refine for the selected block(s).
 *
 * @param sidebar Full sidebar name (`<plugin>/<sidebar>`).
 */
function openRefine( sidebar: string ): void {
	(
		dispatch( 'core/interface' ) as unknown as {
			enableComplementaryArea: ( scope: string, area: string ) => void;
		}
	 ).enableComplementaryArea( 'core', sidebar );
	(
		dispatch( store ) as unknown as { openTab: ( tab: 'refine' ) => void }
	 ).openTab( 'refine' );
}

/**
 * Adds "Refine with AI" to the toolbar of paragraph, heading, list and quote blocks.
 *
 * @param sidebar Full sidebar name.
 */
export function registerRefineToolbarButton( sidebar: string ): void {
	const withRefineButton = createHigherOrderComponent(
		( BlockEdit: React.ComponentType< EditProps > ) =>
			( props: EditProps ) => (
				<>
					<BlockEdit { ...props } />
					{ props.isSelected && REFINABLE.has( props.name ) && (
						<BlockControls group="other">
							<ToolbarGroup>
								<ToolbarButton
									icon="edit-page"
									label={ __(
										'Refine with AI',
										'agentic-writer'
									) }
									onClick={ () => openRefine( sidebar ) }
								/>
							</ToolbarGroup>
						</BlockControls>
					) }
				</>
			),
		'withAgenticWriterRefineButton'
	);
	addFilter(
		'editor.BlockEdit',
		'agentic-writer/refine-toolbar-button',
		withRefineButton
	);
}
