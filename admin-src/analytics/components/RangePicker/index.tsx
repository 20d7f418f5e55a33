/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isDate, presetRange, type DateRange } from '../../date-range';

type Props = {
	range: DateRange;
	today: string;
	timezone: string;
	onChange: ( range: DateRange ) => void;
};

/**
 * Today / 7 days / 30 days / Custom range (two dates, applied together).
 *
 * @param props          Props.
 * @param props.range    Shown range.
 * @param props.today    Today (site).
 * @param props.timezone Site time zone.
 * @param props.onChange New range.
 */
export default function RangePicker( {
	range,
	today,
	timezone,
	onChange,
}: Props ) {
	const [ custom, setCustom ] = useState( range.preset === 'custom' );
	const [ from, setFrom ] = useState( range.from );
	const [ to, setTo ] = useState( range.to );
	let invalid: string | null = null;
	if ( ! isDate( from ) || ! isDate( to ) ) {
		invalid = __( 'Enter both dates.', 'agentic-writer' );
	} else if ( from > to ) {
		invalid = __( 'The first date is after the second.', 'agentic-writer' );
	}

	const preset = ( id: 'today' | '7d' | '30d', label: string ) => (
		<Button
			variant="secondary"
			isPressed={ ! custom && range.preset === id }
			onClick={ () => {
				setCustom( false );
				const next = presetRange( id, today );
				setFrom( next.from );
				setTo( next.to );
				onChange( next );
			} }
		>
			{ label }
		</Button>
	);

	return (
		<div className="agentic-writer-range">
			<div
				className="agentic-writer-range__presets"
				role="group"
				aria-label={ __( 'Date range', 'agentic-writer' ) }
			>
				{ preset( 'today', __( 'Today', 'agentic-writer' ) ) }
				{ preset( '7d', __( '7 days', 'agentic-writer' ) ) }
				{ preset( '30d', __( '30 days', 'agentic-writer' ) ) }
				<Button
					variant="secondary"
					isPressed={ custom }
					aria-expanded={ custom }
					onClick={ () => setCustom( true ) }
				>
					{ __( 'Custom range', 'agentic-writer' ) }
				</Button>
			</div>
			{ custom && (
				<form
					className="agentic-writer-range__custom"
					onSubmit={ ( event ) => {
						event.preventDefault();
						if ( ! invalid ) {
							onChange( { preset: 'custom', from, to } );
						}
					} }
				>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="date"
						label={ __( 'From', 'agentic-writer' ) }
						value={ from }
						max={ today }
						onChange={ setFrom }
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="date"
						label={ __( 'To', 'agentic-writer' ) }
						value={ to }
						max={ today }
						onChange={ setTo }
					/>
					<Button
						variant="primary"
						type="submit"
						disabled={ !! invalid }
						accessibleWhenDisabled
						__next40pxDefaultSize
					>
						{ __( 'Show range', 'agentic-writer' ) }
					</Button>
					{ invalid && (
						<span className="agentic-writer-range__hint">
							{ invalid }
						</span>
					) }
				</form>
			) }
			<p className="agentic-writer-range__shown">
				{ sprintf(
					/* translators: 1: first date, 2: last date, 3: time zone */
					__(
						'Showing %1$s to %2$s (both days included, site time zone %3$s).',
						'agentic-writer'
					),
					range.from,
					range.to,
					timezone
				) }
			</p>
		</div>
	);
}
