import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import './index.css'

interface CardProps {
  title?: string
  extra?: ReactNode
  className?: string
  id?: string
}

/** White rounded panel, the building block of every page. */
export function Card({ title, extra, className, id, children }: PropsWithChildren<CardProps>) {
  return (
    <View id={id} className={`card ${className ?? ''}`}>
      {title ? (
        <View className="card__head">
          <Text className="card__title">{title}</Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}
