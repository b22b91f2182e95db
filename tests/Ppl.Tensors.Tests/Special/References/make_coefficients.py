#!/usr/bin/python3
"""The series coefficients in src/Tensors/Special/GammaFunctions.cs and PolygammaFunctions.cs.

G2: c_k = (-1)^k (zeta(k) - 1) / k, the Taylor coefficients of log Gamma(2 + z).
Q:  psi(1.5 + h) = (h - h0) Q(h), with psi's Taylor coefficients a_k = (-1)^(k+1) zeta(k + 1, 3/2)
    and h0 = x0 - 1.5 for the positive root x0 of psi; Hurwitz zeta by Euler-Maclaurin in 60 digits.
"""
from fractions import Fraction as F
from decimal import Decimal as D, getcontext
getcontext().prec = 60
def bernoulli(n):
    A=[F(0)]*(n+1); B=[]
    for m in range(n+1):
        A[m]=F(1,m+1)
        for j in range(m,0,-1): A[j-1]=j*(A[j-1]-A[j])
        B.append(A[0])
    return B  # B[1]=+1/2 convention, irrelevant for even
Bn = bernoulli(40)
def dec(fr): return D(fr.numerator)/D(fr.denominator)
def hurwitz(s, q, N=40, J=15):
    q=D(q); tot=D(0)
    for n in range(N): tot += (D(n)+q)**(-s)
    a=D(N)+q
    tot += a**(1-s)/(s-1) + a**(-s)/2
    poch=D(1)
    fact=1
    for j in range(1,J+1):
        # s(s+1)...(s+2j-2)
        poch = D(s) if j==1 else poch*(D(s)+2*j-3)*(D(s)+2*j-2)
        import math
        tot += dec(Bn[2*j])/D(math.factorial(2*j))*poch*a**(-s-2*j+1)
    return tot
gamma = D('0.577215664901532860606512090082402431042159335939923598805767')
ln2 = D(2).ln()
# lgamma(2+z) = (1-gamma) z + sum_{k>=2} (-1)^k (zeta(k)-1)/k z^k
print("G2:")
print(repr(1-gamma))
for k in range(2,41):
    zm1 = hurwitz(k, 2)  # zeta(k)-1
    print(f"{(-1)**k * zm1 / k:.20e}")
# digamma Taylor at 1.5
a=[2-gamma-2*ln2]
for k in range(1,80):
    a.append((-1)**(k+1)*hurwitz(k+1, D('1.5')))
# root: Newton on series
h=D('-0.0383678550316377')
for it in range(50):
    f=sum(a[k]*h**k for k in range(80)); fp=sum(k*a[k]*h**(k-1) for k in range(1,80))
    h=h-f/fp
print("x0 =", D('1.5')+h)
print("h0 =", h)
hhi=float(h); hlo=h-D(hhi)
print("h0hi", repr(hhi), "h0lo", float(hlo))
# q_k = sum_{j>k} a_j h^{j-k-1}
print("Q:")
for k in range(40):
    q=sum(a[j]*h**(j-k-1) for j in range(k+1,80))
    print(f"{q:.20e}")
