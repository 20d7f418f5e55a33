/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	SelectControl,
	TextareaControl,
	ToggleControl,
} from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../../store';
import RunStatus from '../RunStatus';

const RATIOS = [ '1:1', '16:9', '4:3', '3:4', '9:16' ];

/**
 * An image from a prompt into the media library, then into the post (or as featured image),
 * with alt text and labelled as generated.
 */
export default function ImageTask() {
	const { running, image, canUpload } = useSelect(
		( select ) => ( {
			running: select( store ).isRunning( 'image' ),
			image: select( store ).getImage(),
			canUpload: (
				select( 'core' ) as unknown as {
					canUser: (
						action: string,
						resource: { kind: string; name: string }
					) => boolean | undefined;
				}
			 ).canUser( 'create', { kind: 'root', name: 'media' } ),
		} ),
		[]
	);
	const { makeImage } = useDispatch( store );
	const [ prompt, setPrompt ] = useState( '' );
	const [ ratio, setRatio ] = useState( '16:9' );
	const [ featured, setFeatured ] = useState( false );
	const generate = () => makeImage( prompt, ratio, featured );

	if ( canUpload === false ) {
		return (
			<Notice status="info" isDismissible={ false }>
				{ __(
					'Your account cannot add images to the media library (that needs the Author role or higher). Ask an editor to add one.',
					'agentic-writer'
				) }
			</Notice>
		);
	}
	return (
		<div className="agentic-writer-task">
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __( 'Image prompt', 'agentic-writer' ) }
				value={ prompt }
				onChange={ setPrompt }
				rows={ 3 }
			/>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Aspect ratio', 'agentic-writer' ) }
				value={ ratio }
				onChange={ setRatio }
				options={ RATIOS.map( ( r ) => ( { value: r, label: r } ) ) }
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Use as featured image', 'agentic-writer' ) }
				checked={ featured }
				onChange={ setFeatured }
			/>
			<div className="agentic-writer-actions">
				<Button
					variant="primary"
					onClick={ generate }
					disabled={ running }
					accessibleWhenDisabled
					isBusy={ running }
				>
					{ __( 'Generate image', 'agentic-writer' ) }
				</Button>
			</div>
			<RunStatus task="image" onRetry={ generate } stoppable={ false }>
				{ image && (
					<figure className="agentic-writer-image">
						<img src={ image.url } alt={ image.alt } />
						<figcaption>
							{ image.featured
								? __(
										'Set as the featured image. AI-generated.',
										'agentic-writer'
									)
								: __(
										'Added to the post. AI-generated.',
										'agentic-writer'
									) }
						</figcaption>
					</figure>
				) }
			</RunStatus>
		</div>
	);
}
