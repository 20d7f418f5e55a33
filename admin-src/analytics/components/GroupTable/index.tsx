/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	formatCostMix,
	formatCount,
	formatMs,
	formatPercent,
} from '../../format';
import {
	sortedRows,
	type Dimension,
	type Sort,
	type SortColumn,
} from '../../shaping';
import type { UsageGroup } from '../../usage-schemas';

type Props = {
	dimension: Dimension;
	/** The table's caption, e.g. "By provider". */
	caption: string;
	/** Heading of the name column. */
	nameLabel: string;
	groups: readonly UsageGroup[];
	labels: Readonly< Record< string, string > >;
};

const COLUMNS: Array< { id: SortColumn; label: string } > = [
	{ id: 'requests', label: __( 'Requests', 'agentic-writer' ) },
	{ id: 'tokens', label: __( 'Tokens in → out', 'agentic-writer' ) },
	{ id: 'cost', label: __( 'Cost', 'agentic-writer' ) },
	{ id: 'fallbacks', label: __( 'Fallbacks', 'agentic-writer' ) },
	{ id: 'errors', label: __( 'Errors', 'agentic-writer' ) },
	{ id: 'latency', label: __( 'Latency p50 / p95', 'agentic-writer' ) },
];

/**
 * The direction after a click: the same column flips; a new one starts with the largest
 * figure first, or at A for names.
 *
 * @param sort   Current sort.
 * @param column Clicked column.
 */
function nextDirection( sort: Sort, column: SortColumn ): Sort[ 'direction' ] {
	if ( sort.column === column ) {
		return sort.direction === 'asc' ? 'desc' : 'asc';
	}
	return column === 'name' ? 'asc' : 'desc';
}

/**
 * Requests and cost per provider, model, task or user; every column header sorts.
 *
 * @param props           Props.
 * @param props.dimension Grouped by.
 * @param props.caption   Caption.
 * @param props.nameLabel Name column heading.
 * @param props.groups    Rows.
 * @param props.labels    Provider labels.
 */
export default function GroupTable( {
	dimension,
	caption,
	nameLabel,
	groups,
	labels,
}: Props ) {
	const [ sort, setSort ] = useState< Sort >( {
		column: 'requests',
		direction: 'desc',
	} );
	const rows = sortedRows( dimension, groups, sort, labels );

	const header = ( id: SortColumn, label: string ) => {
		const active = sort.column === id;
		let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
		if ( active ) {
			ariaSort = sort.direction === 'asc' ? 'ascending' : 'descending';
		}
		return (
			<th scope="col" key={ id } aria-sort={ ariaSort }>
				<Button
					variant="link"
					className="agentic-writer-sort"
					onClick={ () =>
						setSort( {
							column: id,
							direction: nextDirection( sort, id ),
						} )
					}
				>
					{ label }
					{ active && (
						<span aria-hidden="true">
							{ sort.direction === 'asc' ? ' ▲' : ' ▼' }
						</span>
					) }
				</Button>
			</th>
		);
	};

	return (
		<div className="agentic-writer-table-wrap">
			<table className="widefat striped agentic-writer-table">
				{ /* The panel's heading says the same: the caption is for screen readers. */ }
				<caption className="screen-reader-text">{ caption }</caption>
				<thead>
					<tr>
						{ header( 'name', nameLabel ) }
						{ COLUMNS.map( ( column ) =>
							header( column.id, column.label )
						) }
					</tr>
				</thead>
				<tbody>
					{ rows.map( ( { name, group } ) => (
						<tr key={ String( group.key ) }>
							<th scope="row">{ name }</th>
							<td>{ formatCount( group.requests ) }</td>
							<td>
								{ `${ formatCount(
									group.tokens_prompt
								) } → ${ formatCount( group.tokens_completion ) }` }
							</td>
							<td>{ formatCostMix( group.cost_usd ) }</td>
							<td>
								{ `${ formatCount( group.fallbacks ) } (${ formatPercent(
									group.fallbacks,
									group.requests
								) })` }
							</td>
							<td>{ formatCount( group.errors ) }</td>
							<td>
								{ `${ formatMs( group.latency_ms_p50 ) } / ${ formatMs(
									group.latency_ms_p95
								) }` }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}
