/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AtCap, Settings } from '../../../shared/provider-settings';
import { invalidProps, type FieldError } from '../../field-errors';
import type { BudgetsForm, PriceRow } from '../../settings-form';
import IngestSecretCard from '../IngestSecretCard';
import SettingsCard from '../SettingsCard';

type Props = {
	budgets: BudgetsForm | null;
	ingest: Settings[ 'ingest' ];
	fieldError: FieldError | null;
	onChange: ( next: BudgetsForm ) => void;
};

type CapName = 'site_daily_usd' | 'site_monthly_usd' | 'user_daily_usd';

function capFields(): { name: CapName; label: string }[] {
	return [
		{
			name: 'site_daily_usd',
			label: __( 'Site daily cap (USD)', 'agentic-writer' ),
		},
		{
			name: 'site_monthly_usd',
			label: __( 'Site monthly cap (USD)', 'agentic-writer' ),
		},
		{
			name: 'user_daily_usd',
			label: __( 'Daily cap per author (USD)', 'agentic-writer' ),
		},
	];
}

const numberProps = {
	__next40pxDefaultSize: true,
	__nextHasNoMarginBottom: true,
	type: 'number',
} as const;

/**
 * The Budgets tab: spending caps and what happens at them, the admin's prices, how long
 * usage records are kept, and the ingest secret.
 *
 * @param props Props.
 */
export default function BudgetsTab( props: Props ) {
	const { budgets, ingest, fieldError, onChange } = props;
	if ( ! budgets ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'This version of the plugin has no budgets: update it to set spending caps.',
					'agentic-writer'
				) }
			</Notice>
		);
	}
	const set = ( change: Partial< BudgetsForm > ) =>
		onChange( { ...budgets, ...change } );
	const setRow = ( n: number, change: Partial< PriceRow > ) =>
		set( {
			prices: budgets.prices.map( ( row, i ) =>
				i === n ? { ...row, ...change } : row
			),
		} );
	const priceError =
		fieldError && /^prices(\.|$)/.test( fieldError.path )
			? fieldError
			: null;

	return (
		<>
			<SettingsCard
				id="budget-caps"
				title={ __( 'Spending caps', 'agentic-writer' ) }
			>
				<p>
					{ __(
						'Caps count dollars billed by cloud providers (reported or estimated); subscription and local answers cost nothing here. Leave a cap empty for no cap.',
						'agentic-writer'
					) }
				</p>
				{ capFields().map( ( field ) => {
					const invalid = invalidProps(
						fieldError,
						`budgets.${ field.name }`
					);
					return (
						<TextControl
							key={ field.name }
							{ ...numberProps }
							label={ field.label }
							min={ 0 }
							step={ 0.01 }
							placeholder={ __( 'No cap', 'agentic-writer' ) }
							value={ budgets[ field.name ] }
							onChange={ ( value ) =>
								set( { [ field.name ]: value } )
							}
							{ ...invalid }
						/>
					);
				} ) }
				<TextControl
					{ ...numberProps }
					label={ __( 'Alert at (% of a cap)', 'agentic-writer' ) }
					min={ 1 }
					max={ 100 }
					step={ 1 }
					value={ budgets.alert_percent }
					onChange={ ( value ) => set( { alert_percent: value } ) }
					help={ __(
						'Administrators see a notice when spending reaches this share of a cap (1–100).',
						'agentic-writer'
					) }
					{ ...invalidProps( fieldError, 'budgets.alert_percent' ) }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'At the cap', 'agentic-writer' ) }
					value={ budgets.at_cap }
					options={ [
						{
							value: 'local_only',
							label: __(
								'Use local providers only',
								'agentic-writer'
							),
						},
						{
							value: 'refuse',
							label: __(
								'Refuse with a clear message',
								'agentic-writer'
							),
						},
					] }
					onChange={ ( value ) => set( { at_cap: value as AtCap } ) }
					{ ...invalidProps( fieldError, 'budgets.at_cap' ) }
				/>
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Email the administrator when a cap is near',
						'agentic-writer'
					) }
					checked={ budgets.alert_email }
					onChange={ ( checked ) => set( { alert_email: checked } ) }
				/>
			</SettingsCard>

			<SettingsCard
				id="budget-prices"
				title={ __( 'Prices', 'agentic-writer' ) }
				actions={
					<Button
						variant="secondary"
						onClick={ () =>
							set( {
								prices: [
									...budgets.prices,
									{ model: '', input: '', output: '' },
								],
							} )
						}
					>
						{ __( 'Add a price', 'agentic-writer' ) }
					</Button>
				}
			>
				<p>
					{ __(
						'US dollars per million tokens, by model (as the provider names it, or its OpenRouter id). Used when a provider reports tokens but no cost, before the OpenRouter catalogue. A row without a model is not saved.',
						'agentic-writer'
					) }
				</p>
				{ priceError && (
					<Notice status="error" isDismissible={ false }>
						{ priceError.message }
					</Notice>
				) }
				{ budgets.prices.length === 0 && (
					<p>
						{ __(
							'No prices of your own: the OpenRouter catalogue is used.',
							'agentic-writer'
						) }
					</p>
				) }
				{ budgets.prices.map( ( row, n ) => {
					const path = `prices.${ row.model.trim() }`;
					return (
						<fieldset
							// Rows have no id of their own until saved; the position is stable here.

							key={ n }
							className="agentic-writer-price"
						>
							<legend className="screen-reader-text">
								{ sprintf(
									/* translators: %d: row number. */
									__( 'Price %d', 'agentic-writer' ),
									n + 1
								) }
							</legend>
							<TextControl
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								label={ __( 'Model', 'agentic-writer' ) }
								value={ row.model }
								placeholder="openai/gpt-4o-mini"
								onChange={ ( value ) =>
									setRow( n, { model: value } )
								}
							/>
							<TextControl
								{ ...numberProps }
								label={ __(
									'Input $/M tokens',
									'agentic-writer'
								) }
								min={ 0 }
								step={ 0.01 }
								value={ row.input }
								onChange={ ( value ) =>
									setRow( n, { input: value } )
								}
								{ ...invalidProps(
									fieldError,
									`${ path }.input_per_mtok`
								) }
							/>
							<TextControl
								{ ...numberProps }
								label={ __(
									'Output $/M tokens',
									'agentic-writer'
								) }
								min={ 0 }
								step={ 0.01 }
								value={ row.output }
								onChange={ ( value ) =>
									setRow( n, { output: value } )
								}
								{ ...invalidProps(
									fieldError,
									`${ path }.output_per_mtok`
								) }
							/>
							<Button
								variant="tertiary"
								isDestructive
								label={ sprintf(
									/* translators: %s: model id, or "price N". */
									__( 'Remove %s', 'agentic-writer' ),
									row.model.trim() ||
										sprintf(
											/* translators: %d: row number. */
											__( 'price %d', 'agentic-writer' ),
											n + 1
										)
								) }
								onClick={ () =>
									set( {
										prices: budgets.prices.filter(
											( _, i ) => i !== n
										),
									} )
								}
							>
								{ __( 'Remove', 'agentic-writer' ) }
							</Button>
						</fieldset>
					);
				} ) }
			</SettingsCard>

			<SettingsCard
				id="budget-retention"
				title={ __( 'Usage records', 'agentic-writer' ) }
			>
				<TextControl
					{ ...numberProps }
					label={ __(
						'Keep usage records (days)',
						'agentic-writer'
					) }
					min={ 0 }
					max={ 3650 }
					step={ 1 }
					value={ budgets.retention_days }
					onChange={ ( value ) => set( { retention_days: value } ) }
					help={ __(
						'Older records are deleted once a day; 0 keeps them all (0–3650).',
						'agentic-writer'
					) }
					{ ...invalidProps( fieldError, 'retention_days' ) }
				/>
			</SettingsCard>

			{ ingest && <IngestSecretCard ingest={ ingest } /> }
		</>
	);
}
