/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Card, CardBody, CardHeader } from '@wordpress/components';

type Props = {
	/** Makes the heading's id (`agentic-writer-<id>`), which names the region. */
	id: string;
	title: ReactNode;
	level?: 2 | 3;
	/** Buttons at the right of the heading. */
	actions?: ReactNode;
	className?: string;
	children: ReactNode;
};

/**
 * A card of the settings page as a region named by its heading.
 *
 * @param props Props.
 */
export default function SettingsCard( props: Props ) {
	const { id, title, level = 2, actions, className = '', children } = props;
	const Heading = level === 3 ? 'h3' : 'h2';
	const headingId = `agentic-writer-${ id.replace( /[^a-z0-9_-]/gi, '-' ) }`;
	return (
		<section aria-labelledby={ headingId }>
			<Card className={ `agentic-writer-card ${ className }`.trim() }>
				<CardHeader>
					<Heading id={ headingId }>{ title }</Heading>
					{ actions }
				</CardHeader>
				<CardBody>{ children }</CardBody>
			</Card>
		</section>
	);
}
