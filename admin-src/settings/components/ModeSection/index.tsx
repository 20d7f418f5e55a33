/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CardHeader,
	RadioControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProviderMode } from '../../../shared/provider-settings';

type Props = {
	mode: ProviderMode;
	onChange: ( mode: ProviderMode ) => void;
};

/**
 * Which kinds of provider may serve requests.
 *
 * @param props          Props.
 * @param props.mode     Current mode.
 * @param props.onChange Called with the new mode.
 */
export default function ModeSection( { mode, onChange }: Props ) {
	return (
		<section aria-labelledby="agentic-writer-mode">
			<Card className="agentic-writer-card">
				<CardHeader>
					<h2 id="agentic-writer-mode">
						{ __( 'Mode', 'agentic-writer' ) }
					</h2>
				</CardHeader>
				<CardBody>
					<RadioControl
						label={ __( 'Provider mode', 'agentic-writer' ) }
						selected={ mode }
						onChange={ ( value ) =>
							onChange( value as ProviderMode )
						}
						options={ [
							{
								value: 'cloud',
								label: __(
									'Cloud: only cloud providers (OpenRouter, Anthropic, cloud OpenAI-compatible endpoints).',
									'agentic-writer'
								),
							},
							{
								value: 'local',
								label: __(
									'Local: only providers on your machines (the local backend, local OpenAI-compatible servers).',
									'agentic-writer'
								),
							},
							{
								value: 'hybrid',
								label: __(
									'Hybrid: both, in the order routing gives; the next one takes over when one fails.',
									'agentic-writer'
								),
							},
						] }
					/>
				</CardBody>
			</Card>
		</section>
	);
}
