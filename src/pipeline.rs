//! Ordered parallel streaming: bounded chunks through rayon, records written in input order.
