/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { invalidProps, type FieldError } from '../../field-errors';
import type { SettingsForm } from '../../settings-form';
import SettingsCard from '../SettingsCard';

type Numbers = Pick< SettingsForm, 'breaker' | 'timeouts' >;

type Props = Numbers & {
	onChange: ( next: Numbers ) => void;
	fieldError: FieldError | null;
};

type NumberField = {
	group: keyof Numbers;
	name: string;
	label: string;
	help: string;
	min: number;
	max: number;
	step: number;
};

/**
 * The fields, with the ranges Settings accepts.
 */
function numberFields(): NumberField[] {
	return [
		{
			group: 'timeouts',
			name: 'connect_seconds',
			label: __( 'Connect timeout (seconds)', 'agentic-writer' ),
			help: __(
				'How long to wait for a provider to accept the connection (0.1–30).',
				'agentic-writer'
			),
			min: 0.1,
			max: 30,
			step: 0.1,
		},
		{
			group: 'timeouts',
			name: 'read_seconds',
			label: __( 'Read timeout (seconds)', 'agentic-writer' ),
			help: __(
				'How long an answer may take before the next provider is tried (1–900).',
				'agentic-writer'
			),
			min: 1,
			max: 900,
			step: 1,
		},
		{
			group: 'breaker',
			name: 'failure_threshold',
			label: __( 'Failures before pausing a provider', 'agentic-writer' ),
			help: __(
				'After this many failures in a row, requests skip the provider for a while (1–100).',
				'agentic-writer'
			),
			min: 1,
			max: 100,
			step: 1,
		},
		{
			group: 'breaker',
			name: 'cooldown_seconds',
			label: __( 'Pause length (seconds)', 'agentic-writer' ),
			help: __(
				'How long a paused provider is skipped before it is tried again (1–3600).',
				'agentic-writer'
			),
			min: 1,
			max: 3600,
			step: 1,
		},
	];
}

/**
 * Timeouts and the circuit breaker: how long to wait for a provider, when to stop asking it.
 *
 * @param props Props.
 */
export default function TimeoutsCard( props: Props ) {
	const { onChange, fieldError } = props;
	return (
		<SettingsCard
			id="timeouts"
			title={ __( 'Timeouts and circuit breaker', 'agentic-writer' ) }
		>
			{ numberFields().map( ( field ) => {
				const group = props[ field.group ] as Record< string, string >;
				const invalid = invalidProps(
					fieldError,
					`${ field.group }.${ field.name }`
				);
				return (
					<TextControl
						key={ field.name }
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="number"
						label={ field.label }
						min={ field.min }
						max={ field.max }
						step={ field.step }
						value={ group[ field.name ] ?? '' }
						onChange={ ( value ) =>
							onChange( {
								breaker: props.breaker,
								timeouts: props.timeouts,
								[ field.group ]: {
									...group,
									[ field.name ]: value,
								},
							} )
						}
						help={ field.help }
						{ ...invalid }
					/>
				);
			} ) }
		</SettingsCard>
	);
}
