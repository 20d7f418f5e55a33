/**
 * The pieces of @wordpress/blocks and @wordpress/block-editor the sidebar uses. The packages are
 * not installed (large, and WordPress ships them): webpack turns the imports into `wp.blocks` and
 * `wp.blockEditor` globals.
 */
declare module '@wordpress/blocks' {
	export interface BlockInstance {
		clientId: string;
		name: string;
		isValid: boolean;
		attributes: Record< string, unknown >;
		innerBlocks: BlockInstance[];
	}

	export function rawHandler( args: { HTML: string } ): BlockInstance[];
	export function createBlock(
		name: string,
		attributes?: Record< string, unknown >,
		innerBlocks?: BlockInstance[]
	): BlockInstance;
	export function serialize( blocks: BlockInstance | BlockInstance[] ): string;
}

declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode } from 'react';

	export const BlockControls: ComponentType< {
		group?: 'default' | 'block' | 'inline' | 'other' | 'parent';
		children?: ReactNode;
	} >;
	export const store: string;
}
