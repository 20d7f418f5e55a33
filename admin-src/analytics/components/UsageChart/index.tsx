/**
 * External dependencies
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatBucket, formatCount, formatUsd } from '../../format';
import { chartData, pointValue, type ChartMetric } from '../../shaping';
import type { Bucket, UsagePoint } from '../../usage-schemas';

type Props = {
	/** What the chart shows, in a few words ("Tokens per hour"): the table's caption too. */
	title: string;
	/** The chart's accessible name: what it shows and its main figures. */
	description: string;
	points: readonly UsagePoint[];
	metric: ChartMetric;
	bucket: Bucket;
};

const HEIGHT = 220;

function formatValue( value: number, metric: ChartMetric ): string {
	return metric === 'cost' ? formatUsd( value ) : formatCount( value );
}

/**
 * A bar chart (uPlot on a canvas) with an accessible name, and the same figures as a table
 * behind "Show as table". Only buckets with data go in the table.
 *
 * @param props             Props.
 * @param props.title       Short title.
 * @param props.description Accessible name.
 * @param props.points      Buckets.
 * @param props.metric      Tokens or cost.
 * @param props.bucket      Hour or day.
 */
export default function UsageChart( {
	title,
	description,
	points,
	metric,
	bucket,
}: Props ) {
	const holder = useRef< HTMLDivElement >( null );
	const [ showTable, setShowTable ] = useState( false );

	useEffect( () => {
		const element = holder.current;
		if ( ! element ) {
			return;
		}
		const width = () => Math.max( 280, element.clientWidth );
		const half = bucket === 'hour' ? 1800 : 43200;
		const chart = new uPlot(
			{
				width: width(),
				height: HEIGHT,
				// The x values are the site's wall clock written as UTC: draw them in UTC.
				tzDate: ( ts ) =>
					uPlot.tzDate( new Date( ts * 1e3 ), 'Etc/UTC' ),
				legend: { show: false },
				cursor: { drag: { x: false, y: false } },
				scales: {
					// Half a bucket of room each side, so the first and last bars show whole.
					x: {
						time: true,
						range: ( _u, min, max ) => [ min - half, max + half ],
					},
					y: {
						range: ( _u, _min, max ) => [
							0,
							max > 0 ? max * 1.1 : 1,
						],
					},
				},
				axes: [
					{},
					{
						size: 64,
						values: ( _u, ticks ) =>
							ticks.map( ( tick ) =>
								formatValue( tick, metric )
							),
					},
				],
				series: [
					{},
					{
						label: title,
						stroke: '#2271b1',
						fill: 'rgba(34, 113, 177, 0.35)',
						paths: uPlot.paths.bars?.( {
							size: [ 0.8, bucket === 'hour' ? 12 : 48 ],
						} ),
						points: { show: false },
					},
				],
			},
			chartData( points, metric ),
			element
		);
		const observer =
			typeof ResizeObserver === 'undefined'
				? null
				: new ResizeObserver( () =>
						chart.setSize( { width: width(), height: HEIGHT } )
					);
		observer?.observe( element );
		return () => {
			observer?.disconnect();
			chart.destroy();
		};
	}, [ points, metric, bucket, title ] );

	const rows = points.filter( ( point ) => point.requests > 0 );

	return (
		<figure className="agentic-writer-chart">
			<div
				ref={ holder }
				role="img"
				aria-label={ description }
				className="agentic-writer-chart__canvas"
			/>
			<figcaption
				className="agentic-writer-chart__caption"
				// The same words are the chart's accessible name: read once.
				aria-hidden="true"
			>
				{ description }
			</figcaption>
			<Button
				variant="link"
				aria-expanded={ showTable }
				onClick={ () => setShowTable( ( shown ) => ! shown ) }
			>
				{ showTable
					? __( 'Hide table', 'agentic-writer' )
					: __( 'Show as table', 'agentic-writer' ) }
			</Button>
			{ showTable && (
				<table className="widefat striped agentic-writer-table">
					<caption>
						{ title }
						{ rows.length < points.length &&
							` ${ __(
								'(periods without requests left out)',
								'agentic-writer'
							) }` }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ bucket === 'hour'
									? __( 'Hour', 'agentic-writer' )
									: __( 'Day', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ metric === 'cost'
									? __( 'Cost', 'agentic-writer' )
									: __( 'Tokens', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ __( 'Requests', 'agentic-writer' ) }
							</th>
							<th scope="col">
								{ __( 'Errors', 'agentic-writer' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ rows.map( ( point ) => (
							<tr key={ point.start }>
								<th scope="row">
									{ formatBucket( point.start, bucket ) }
								</th>
								<td>
									{ formatValue(
										pointValue( point, metric ),
										metric
									) }
								</td>
								<td>{ formatCount( point.requests ) }</td>
								<td>{ formatCount( point.errors ) }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
		</figure>
	);
}
